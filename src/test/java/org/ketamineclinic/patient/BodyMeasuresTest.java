package org.ketamineclinic.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.ketamineclinic.platform.InvalidInput;

/** Clinical reference section 5 (Devine IBW, AdjBW) and section 6 (plausibility ranges). */
class BodyMeasuresTest {

	@Test
	void idealBodyWeightForAWomanFollowsDevine() {
		// 165 cm = 64.96 in: 45.5 + 2.3 x 4.96 = 56.9 kg
		BodyMeasures body = BodyMeasures.of(BodyWeight.kg(70), BodyHeight.cm(165), SexAtBirth.FEMALE);
		assertThat(body.idealBodyWeightKg()).isEqualByComparingTo("56.9");
	}

	@Test
	void idealBodyWeightForAManFollowsDevine() {
		// 180 cm = 70.87 in: 50 + 2.3 x 10.87 = 75.0 kg
		BodyMeasures body = BodyMeasures.of(BodyWeight.kg(100), BodyHeight.cm(180), SexAtBirth.MALE);
		assertThat(body.idealBodyWeightKg()).isEqualByComparingTo("75.0");
	}

	@Test
	void adjustedBodyWeightAddsFortyPercentOfTheExcess() {
		// 75.0 + 0.4 x (100 - 75.0) = 85.0
		BodyMeasures body = BodyMeasures.of(BodyWeight.kg(100), BodyHeight.cm(180), SexAtBirth.MALE);
		assertThat(body.adjustedBodyWeightKg()).isEqualByComparingTo("85.0");
	}

	@Test
	void bmiIsWeightOverHeightSquared() {
		assertThat(BodyMeasures.of(BodyWeight.kg(70), BodyHeight.cm(165), SexAtBirth.FEMALE).bmi()).isEqualByComparingTo("25.7");
		assertThat(BodyMeasures.of(BodyWeight.kg(100), BodyHeight.cm(180), SexAtBirth.MALE).bmi()).isEqualByComparingTo("30.9");
	}

	@Test
	void idealWeightIsNotGuessedWithoutFemaleOrMaleSexAtBirth() {
		BodyMeasures body = BodyMeasures.of(BodyWeight.kg(70), BodyHeight.cm(170), SexAtBirth.UNKNOWN);
		assertThat(body.idealBodyWeightKg()).isNull();
		assertThat(body.adjustedBodyWeightKg()).isNull();
		assertThat(body.bmi()).isEqualByComparingTo("24.2");
	}

	@Test
	void bmiNeedsBothWeightAndHeight() {
		assertThat(BodyMeasures.of(BodyWeight.kg(70), null, SexAtBirth.FEMALE).bmi()).isNull();
		assertThat(BodyMeasures.of(null, BodyHeight.cm(170), SexAtBirth.FEMALE).bmi()).isNull();
	}

	@Test
	void acceptsWeightsAtTheEdgesOfPlausibility() {
		assertThat(BodyWeight.kg(25).kg()).isEqualByComparingTo("25");
		assertThat(BodyWeight.kg(350).kg()).isEqualByComparingTo("350");
	}

	@Test
	void rejectsWeightsOutsidePlausibilityInsteadOfClamping() {
		assertThatThrownBy(() -> BodyWeight.kg(24.9)).isInstanceOf(InvalidInput.class).hasMessageContaining("weightKg");
		assertThatThrownBy(() -> BodyWeight.kg(350.1)).isInstanceOf(InvalidInput.class);
	}

	@Test
	void rejectsHeightsOutsidePlausibility() {
		assertThat(BodyHeight.cm(100).cm()).isEqualByComparingTo("100");
		assertThat(BodyHeight.cm(250).cm()).isEqualByComparingTo("250");
		assertThatThrownBy(() -> BodyHeight.cm(99.9)).isInstanceOf(InvalidInput.class).hasMessageContaining("heightCm");
		assertThatThrownBy(() -> BodyHeight.cm(250.1)).isInstanceOf(InvalidInput.class);
	}

	@Test
	void rejectsFalsePrecisionRatherThanRoundingIt() {
		assertThatThrownBy(() -> new BodyWeight(new BigDecimal("70.25"))).isInstanceOf(InvalidInput.class);
	}

	@Test
	void icd10AndSnomedCodesMustBeWellFormed() {
		assertThat(CodeSystem.ICD10.accepts("F33.2")).isTrue();
		assertThat(CodeSystem.ICD10.accepts("F32.A")).isTrue();
		assertThat(CodeSystem.ICD10.accepts("F43.10")).isTrue();
		assertThat(CodeSystem.ICD10.accepts("U07.1")).isTrue();
		assertThat(CodeSystem.ICD10.accepts("33.2")).isFalse();
		assertThat(CodeSystem.ICD10.accepts("F3")).isFalse();
		assertThat(CodeSystem.SNOMED.accepts("370143000")).isTrue();
		assertThat(CodeSystem.SNOMED.accepts("F33.2")).isFalse();
	}
}
