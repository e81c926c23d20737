package org.ketamineclinic.evaluation.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ketamineclinic.patient.HistoryFindingCode;

class ClinicPolicyTest {

	@Test
	void defaultsAreThoseOfTheReference() {
		ClinicPolicy defaults = ClinicPolicy.DEFAULTS;

		assertThat(defaults.adequateTrialWeeks()).isEqualTo(6);
		assertThat(defaults.racemicAbsoluteFindings()).containsExactlyInAnyOrder(
				HistoryFindingCode.UNCONTROLLED_HYPERTENSION, HistoryFindingCode.SEVERE_CARDIOVASCULAR_DISEASE,
				HistoryFindingCode.RECENT_STROKE_OR_CEREBRAL_TRAUMA, HistoryFindingCode.RAISED_INTRACRANIAL_PRESSURE,
				HistoryFindingCode.ANEURYSMAL_VASCULAR_DISEASE);
		assertThat(defaults.ivPreDoseBloodPressureLimit()).isEqualTo(new BloodPressureLimit(180, 100));
		assertThat(defaults.esketaminePreDoseLimit()).isEqualTo(new BloodPressureLimit(140, 90));
		assertThat(defaults.maxBaselineScaleAgeDays()).isEqualTo(30);
		assertThat(defaults.maxWeightAgeDays()).isEqualTo(30);
	}

	@ParameterizedTest
	@ValueSource(ints = { 4, 5, 6, 7, 8 })
	void acceptsFourToEightWeeks(int weeks) {
		assertThat(ClinicPolicy.DEFAULTS.withAdequateTrialWeeks(weeks).adequateTrialWeeks()).isEqualTo(weeks);
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 3, 9, 12 })
	void rejectsOtherTrialDurations(int weeks) {
		assertThatThrownBy(() -> ClinicPolicy.DEFAULTS.withAdequateTrialWeeks(weeks))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessage("adequate trial duration must be 4 to 8 weeks, got " + weeks);
	}

	@Test
	void hypersensitivityCannotBeMadeAClinicChoice() {
		assertThatThrownBy(() -> ClinicPolicy.DEFAULTS.withRacemicAbsoluteFindings(
				Set.of(HistoryFindingCode.KETAMINE_HYPERSENSITIVITY, HistoryFindingCode.UNCONTROLLED_HYPERTENSION)))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageStartingWith("KETAMINE_HYPERSENSITIVITY is not one of the racemic findings a clinic may set");
	}

	@Test
	void relativeByDefaultFindingsCannotBeMadeAbsolute() {
		assertThatThrownBy(
				() -> ClinicPolicy.DEFAULTS.withRacemicAbsoluteFindings(Set.of(HistoryFindingCode.PSYCHOSIS_HISTORY)))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageStartingWith("PSYCHOSIS_HISTORY is not one");
	}

	@Test
	void theAbsoluteSetIsCopiedAndCannotBeChangedAfterwards() {
		Set<HistoryFindingCode> mutable = EnumSet.of(HistoryFindingCode.ANEURYSMAL_VASCULAR_DISEASE);
		ClinicPolicy policy = ClinicPolicy.DEFAULTS.withRacemicAbsoluteFindings(mutable);
		mutable.add(HistoryFindingCode.UNCONTROLLED_HYPERTENSION);

		assertThat(policy.racemicAbsoluteFindings()).containsExactly(HistoryFindingCode.ANEURYSMAL_VASCULAR_DISEASE);
		assertThatThrownBy(() -> policy.racemicAbsoluteFindings().add(HistoryFindingCode.GLAUCOMA))
			.isInstanceOf(UnsupportedOperationException.class);
		assertThat(ClinicPolicy.DEFAULTS.withRacemicAbsoluteFindings(Set.of()).racemicAbsoluteFindings()).isEmpty();
	}

	@Test
	void theEsketamineLimitMayBeStricterThanTheLabelButNotMoreLenient() {
		assertThat(ClinicPolicy.DEFAULTS.withEsketaminePreDoseLimit(new BloodPressureLimit(130, 85)).esketaminePreDoseLimit())
			.isEqualTo(new BloodPressureLimit(130, 85));
		assertThatThrownBy(() -> ClinicPolicy.DEFAULTS.withEsketaminePreDoseLimit(new BloodPressureLimit(150, 90)))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("may not be above the label's 140/90 mmHg");
		assertThatThrownBy(() -> ClinicPolicy.DEFAULTS.withEsketaminePreDoseLimit(new BloodPressureLimit(140, 95)))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void dataAgesMustBePositive() {
		assertThatThrownBy(() -> ClinicPolicy.DEFAULTS.withMaxWeightAgeDays(0)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("maxWeightAgeDays");
		assertThatThrownBy(() -> ClinicPolicy.DEFAULTS.withMaxBaselineScaleAgeDays(0))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("maxBaselineScaleAgeDays");
		assertThat(ClinicPolicy.DEFAULTS.withMaxWeightAgeDays(90).maxWeightAgeDays()).isEqualTo(90);
	}

	@Test
	void aBloodPressureLimitNeedsADiastolicBelowTheSystolic() {
		assertThatThrownBy(() -> new BloodPressureLimit(100, 100)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new BloodPressureLimit(0, -1)).isInstanceOf(IllegalArgumentException.class);
	}
}
