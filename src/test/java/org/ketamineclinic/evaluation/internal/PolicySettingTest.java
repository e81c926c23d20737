package org.ketamineclinic.evaluation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ketamineclinic.evaluation.rules.BloodPressureLimit;
import org.ketamineclinic.evaluation.rules.ClinicPolicy;
import org.ketamineclinic.patient.HistoryFindingCode;

class PolicySettingTest {

	static PolicySetting setting(String key) {
		return PolicySetting.byKey(key).orElseThrow();
	}

	@Test
	void everyPolicyItemIsASettingWithItsDefaultAndSource() {
		assertThat(PolicySetting.all()).extracting(PolicySetting::key)
			.contains("adequateTrialWeeks", "ivPreDoseSystolicLimit", "ivPreDoseDiastolicLimit", "maxBaselineScaleAgeDays",
					"maxWeightAgeDays", "dosingWeight", "olderAdultEsketamineStartsAt28", "racemic.UNCONTROLLED_HYPERTENSION",
					"racemic.ANEURYSMAL_VASCULAR_DISEASE")
			.hasSize(7 + ClinicPolicy.RELAXABLE_RACEMIC_FINDINGS.size());
		// The older-adult esketamine start is a label rule chosen per jurisdiction, not a clinic policy.
		assertThat(PolicySetting.all()).allSatisfy(s -> assertThat(s.source()).containsAnyOf("(POLICY)", "POLICY)", "per jurisdiction"));
		assertThat(setting("adequateTrialWeeks").valueIn(ClinicPolicy.DEFAULTS)).isEqualTo("6");
		assertThat(setting("ivPreDoseSystolicLimit").valueIn(ClinicPolicy.DEFAULTS)).isEqualTo("180");
		assertThat(setting("ivPreDoseDiastolicLimit").valueIn(ClinicPolicy.DEFAULTS)).isEqualTo("100");
		assertThat(setting("racemic.RAISED_INTRACRANIAL_PRESSURE").valueIn(ClinicPolicy.DEFAULTS)).isEqualTo("ABSOLUTE");
	}

	@Test
	void parsesWithinRangeOnly() {
		PolicySetting weeks = setting("adequateTrialWeeks");
		assertThat(weeks.parse(8)).isEqualTo("8");
		assertThat(weeks.parse(" 4 ")).isEqualTo("4");
		assertThat(weeks.parse(7.0)).isEqualTo("7");
		assertThatThrownBy(() -> weeks.parse(9)).hasMessageContaining("4 to 8");
		assertThatThrownBy(() -> weeks.parse(3)).hasMessageContaining("4 to 8");
		assertThatThrownBy(() -> weeks.parse("six")).hasMessageContaining("whole number");
		assertThatThrownBy(() -> weeks.parse(6.5)).hasMessageContaining("whole number");
		assertThatThrownBy(() -> weeks.parse(null)).hasMessage("is required");
		PolicySetting aneurysm = setting("racemic.ANEURYSMAL_VASCULAR_DISEASE");
		assertThat(aneurysm.parse("relative")).isEqualTo("RELATIVE");
		assertThatThrownBy(() -> aneurysm.parse("MAYBE")).hasMessageContaining("ABSOLUTE or RELATIVE");
	}

	@Test
	void appliesValuesOnTopOfTheDefaults() {
		ClinicPolicy policy = ClinicPolicies.apply(ClinicPolicy.DEFAULTS, Map.of("adequateTrialWeeks", "8",
				"ivPreDoseDiastolicLimit", "95", "racemic.ANEURYSMAL_VASCULAR_DISEASE", "RELATIVE", "maxWeightAgeDays", "14"));
		assertThat(policy.adequateTrialWeeks()).isEqualTo(8);
		assertThat(policy.ivPreDoseBloodPressureLimit()).isEqualTo(new BloodPressureLimit(180, 95));
		assertThat(policy.racemicAbsoluteFindings()).doesNotContain(HistoryFindingCode.ANEURYSMAL_VASCULAR_DISEASE)
			.contains(HistoryFindingCode.UNCONTROLLED_HYPERTENSION);
		assertThat(policy.maxWeightAgeDays()).isEqualTo(14);
		assertThat(policy.maxBaselineScaleAgeDays()).isEqualTo(30);
		assertThat(policy.esketaminePreDoseLimit()).isEqualTo(ClinicPolicy.ESKETAMINE_LABEL_LIMIT);
	}

	@Test
	void allRacemicFindingsMayBeRelaxed() {
		ClinicPolicy policy = ClinicPolicy.DEFAULTS;
		for (HistoryFindingCode code : ClinicPolicy.RELAXABLE_RACEMIC_FINDINGS) {
			policy = setting("racemic." + code.name()).applyTo(policy, "RELATIVE");
		}
		assertThat(policy.racemicAbsoluteFindings()).isEmpty();
		assertThat(setting("racemic.ANEURYSMAL_VASCULAR_DISEASE").applyTo(policy, "ABSOLUTE").racemicAbsoluteFindings())
			.containsExactly(HistoryFindingCode.ANEURYSMAL_VASCULAR_DISEASE);
	}

	@Test
	void aStoredValueTheDefaultsNoLongerAdmitIsSkipped() {
		ClinicPolicy policy = ClinicPolicies.apply(ClinicPolicy.DEFAULTS, Map.of("adequateTrialWeeks", "12"));
		assertThat(policy.adequateTrialWeeks()).isEqualTo(6);
	}

	@Test
	void regulatoryRulesAreTheEsketamineLabelRules() {
		assertThat(PolicySetting.regulatoryRules()).extracting(r -> r.id())
			.contains("ESK_ABS_ANEURYSM", "ESK_AGE_UNDER_18", "ESK_PREDOSE_BP_ELEVATED")
			.allMatch(id -> id.startsWith("ESK_"));
		assertThat(PolicySetting.isRegulatory("ESK_PREGNANCY")).isTrue();
		assertThat(PolicySetting.isRegulatory("esketaminePreDoseLimit")).isTrue();
		assertThat(PolicySetting.isRegulatory("adequateTrialWeeks")).isFalse();
		assertThat(PolicySetting.isRegulatory("RAC_ABS_ANEURYSM")).isFalse();
	}
}
