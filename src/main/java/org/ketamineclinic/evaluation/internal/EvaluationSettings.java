package org.ketamineclinic.evaluation.internal;

import org.ketamineclinic.evaluation.rules.BloodPressureLimit;
import org.ketamineclinic.evaluation.rules.ClinicPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The defaults of the clinic-adjustable evaluation policies (POLICY in clinical reference sections
 * 2 and 3), the reference's values unless configured. Each clinic's own values are kept by
 * {@link ClinicPolicies}, which applies them on top of these. Regulatory rules are not settings.
 */
@ConfigurationProperties("clinic.evaluation")
record EvaluationSettings(@DefaultValue("6") int adequateTrialWeeks, @DefaultValue("180") int ivPreDoseSystolicLimit,
		@DefaultValue("100") int ivPreDoseDiastolicLimit, @DefaultValue("30") int maxBaselineScaleAgeDays,
		@DefaultValue("30") int maxWeightAgeDays) {

	ClinicPolicy policy() {
		return ClinicPolicy.DEFAULTS.withAdequateTrialWeeks(adequateTrialWeeks)
			.withIvPreDoseBloodPressureLimit(new BloodPressureLimit(ivPreDoseSystolicLimit, ivPreDoseDiastolicLimit))
			.withMaxBaselineScaleAgeDays(maxBaselineScaleAgeDays)
			.withMaxWeightAgeDays(maxWeightAgeDays);
	}
}
