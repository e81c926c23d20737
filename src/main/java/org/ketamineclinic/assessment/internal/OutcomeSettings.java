package org.ketamineclinic.assessment.internal;

import java.time.Duration;

import org.ketamineclinic.assessment.scales.ScaleSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Clinic policies for measurement-based care, defaults from clinical reference section 4 (POLICY
 * items) and the issue: MADRS remission at 10 or less (12 in the esketamine programme), PHQ-9
 * relapse at 10 or more and 5 points above the best score since response, escalation after 2 hours.
 */
@ConfigurationProperties("clinic.assessment")
record OutcomeSettings(
		@DefaultValue("10") int madrsRemissionAtOrBelow,
		@DefaultValue("10") int phq9RelapseAtOrAbove,
		@DefaultValue("5") int phq9RelapsePointsAboveBest,
		@DefaultValue("2h") Duration escalateAfter,
		@DefaultValue("33") int pcl5ProbablePtsdCutoff,
		@DefaultValue("4") int madrsSuicideItemThreshold,
		@DefaultValue("If you are thinking about harming yourself, call or text 988 (Suicide and Crisis Lifeline) now, or call 911 or go to the nearest emergency department.") String crisisResources) {

	ScaleSettings scaleSettings() {
		ScaleSettings defaults = ScaleSettings.DEFAULTS;
		return new ScaleSettings(pcl5ProbablePtsdCutoff, madrsSuicideItemThreshold, defaults.moaasIncreasedObservationAtOrBelow(),
				defaults.moaasEmergencyAtOrBelow(), defaults.aldreteDischargeAtOrAbove());
	}
}
