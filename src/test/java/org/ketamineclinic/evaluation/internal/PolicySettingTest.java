package org.ketamineclinic.evaluation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ketamineclinic.evaluation.rules.BloodPressureLimit;
import org.ketamineclinic.evaluation.rules.ClinicPolicy;
import org.ketamineclinic.evaluation.rules.MonitoringLimits;
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
			.hasSize(7 + MonitoringLimits.NUMBERS.size() + 1 + ClinicPolicy.RELAXABLE_RACEMIC_FINDINGS.size());
		assertThat(PolicySetting.all()).allSatisfy(s -> assertThat(s.source()).containsAnyOf("(POLICY)", "POLICY)"));
		assertThat(setting("adequateTrialWeeks").valueIn(ClinicPolicy.DEFAULTS)).isEqualTo("6");
		assertThat(setting("ivPreDoseSystolicLimit").valueIn(ClinicPolicy.DEFAULTS)).isEqualTo("180");
		assertThat(setting("ivPreDoseDiastolicLimit").valueIn(ClinicPolicy.DEFAULTS)).isEqualTo("100");
		assertThat(setting("racemic.RAISED_INTRACRANIAL_PRESSURE").valueIn(ClinicPolicy.DEFAULTS)).isEqualTo("ABSOLUTE");
		assertThat(setting("dosingWeight").valueIn(ClinicPolicy.DEFAULTS)).isEqualTo("ACTUAL");
		assertThat(setting("olderAdultEsketamineStartsAt28").valueIn(ClinicPolicy.DEFAULTS)).isEqualTo("NO");
	}

	@Test
	void everySessionThresholdIsASettingWithTheReferenceDefault() {
		Map<String, String> defaults = Map.ofEntries(Map.entry("severeSystolicAtOrAbove", "180"),
				Map.entry("severeDiastolicAtOrAbove", "110"), Map.entry("racemicPreDoseSystolic", "140"),
				Map.entry("racemicPreDoseDiastolic", "90"), Map.entry("racemicFoodFastMinutes", "120"),
				Map.entry("racemicLiquidFastMinutes", "30"), Map.entry("heartRateAbove", "120"), Map.entry("heartRateBelow", "50"),
				Map.entry("spo2SustainedBelow", "92"), Map.entry("spo2Below", "90"), Map.entry("respiratoryRateBelow", "10"),
				Map.entry("respiratoryRateAbove", "30"), Map.entry("ivInfusionCheckEveryMinutes", "10"),
				Map.entry("afterDoseCheckEveryMinutes", "15"), Map.entry("ivSecondPersonCheck", "NO"));
		defaults.forEach((key, value) -> {
			assertThat(setting(key).valueIn(ClinicPolicy.DEFAULTS)).as(key).isEqualTo(value);
			assertThat(setting(key).source()).as(key).contains(key.equals("ivSecondPersonCheck") ? "(POLICY)" : "clinical reference §6");
		});
		ClinicPolicy policy = ClinicPolicies.apply(ClinicPolicy.DEFAULTS,
				Map.of("heartRateAbove", "110", "spo2SustainedBelow", "94", "ivSecondPersonCheck", "YES"));
		assertThat(policy.monitoring().heartRateAbove()).isEqualTo(110);
		assertThat(policy.monitoring().spo2SustainedBelow()).isEqualTo(94);
		assertThat(policy.monitoring().spo2Below()).as("untouched").isEqualTo(90);
		assertThat(policy.monitoring().ivSecondPersonCheck()).isTrue();
		assertThat(policy.adequateTrialWeeks()).as("the evaluation part is untouched").isEqualTo(6);
	}

	@Test
	void sessionThresholdsMustLeaveANormalRange() {
		assertThatThrownBy(() -> setting("heartRateAbove").parse("181")).hasMessageContaining("from 90 to 180 beats/min, got 181");
		assertThatThrownBy(() -> setting("spo2Below").applyTo(ClinicPolicy.DEFAULTS, "93"))
			.hasMessageContaining("single-reading SpO2 alert (93%) must not be above the sustained SpO2 alert (92%)");
		assertThatThrownBy(() -> setting("racemicPreDoseSystolic").applyTo(ClinicPolicy.DEFAULTS.withMonitoring(
				MonitoringLimits.DEFAULTS.with("severeSystolicAtOrAbove", 150)), "150"))
			.hasMessageContaining("must stay below the severe blood pressure alert 150/110");
		assertThat(setting("spo2Below").applyTo(ClinicPolicy.DEFAULTS, "92").monitoring().spo2Below()).isEqualTo(92);
		assertThatThrownBy(() -> MonitoringLimits.DEFAULTS.with("bloodSugar", 5)).hasMessageContaining("no monitoring limit named bloodSugar");
	}

	@Test
	void choiceSettingsAcceptOnlyTheirChoices() {
		PolicySetting basis = setting("dosingWeight");
		assertThat(basis.parse("adjusted")).isEqualTo("ADJUSTED");
		assertThatThrownBy(() -> basis.parse("LEAN")).hasMessageContaining("ACTUAL or IDEAL or ADJUSTED");
		ClinicPolicy policy = ClinicPolicies.apply(ClinicPolicy.DEFAULTS, Map.of("dosingWeight", "IDEAL",
				"olderAdultEsketamineStartsAt28", "YES"));
		assertThat(policy.dosingWeight()).isEqualTo(org.ketamineclinic.patient.DosingWeight.IDEAL);
		assertThat(policy.olderAdultEsketamineStartsAt28()).isTrue();
		assertThatThrownBy(() -> setting("olderAdultEsketamineStartsAt28").parse("maybe")).hasMessageContaining("YES or NO");
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
