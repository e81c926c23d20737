package org.ketamineclinic.protocol.dosing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ketamineclinic.evaluation.Route;
import org.ketamineclinic.patient.DosingWeight;
import org.ketamineclinic.protocol.library.DoseUnit;

/** The warnings that need the patient's chart and the course: weight age, protocol maximum, 84 after 56, 28 mg start at 65. */
class DoseContextWarningsTest {

	private static final Instant NOW = Instant.parse("2026-11-21T15:00:00Z");

	private final DoseCalculator calculator = new DoseCalculator();

	private static DoseRequest iv(String mgPerKg) {
		return new DoseRequest(Route.IV_KETAMINE, BigDecimal.valueOf(80), null, null, DosingWeight.ACTUAL, new BigDecimal(mgPerKg), null,
				40, null, null);
	}

	private static DoseRequest esketamine(int mg) {
		return new DoseRequest(Route.IN_ESKETAMINE, BigDecimal.valueOf(80), null, null, null, null, BigDecimal.valueOf(mg), null, null,
				null);
	}

	private static DoseContext context(Instant weighed, BigDecimal max, DoseUnit unit, boolean requires56, List<Integer> earlier,
			Integer age, boolean olderRule) {
		return new DoseContext(weighed, NOW, 30, max, unit, requires56, earlier.stream().map(BigDecimal::valueOf).toList(), age,
				olderRule);
	}

	@Test
	void aWeightOlderThanThirtyDaysWarnsAndThirtyDaysDoesNot() {
		DoseCalculation old = calculator.calculate(iv("0.5"), context(NOW.minus(Duration.ofDays(31)), null, null, false, List.of(), 40, false));
		assertThat(old.has(DoseWarningCode.WEIGHT_OUT_OF_DATE)).isTrue();
		assertThat(old.warnings().get(0).message()).contains("31 days");
		DoseCalculation fresh = calculator.calculate(iv("0.5"), context(NOW.minus(Duration.ofDays(30)), null, null, false, List.of(), 40, false));
		assertThat(fresh.has(DoseWarningCode.WEIGHT_OUT_OF_DATE)).isFalse();
		assertThat(fresh.hardStop()).isFalse();
	}

	@Test
	void aDoseAboveTheProtocolMaximumWarnsInTheProtocolsUnit() {
		assertThat(calculator.calculate(iv("0.8"), context(NOW, new BigDecimal("0.75"), DoseUnit.MG_PER_KG, false, List.of(), 40, false))
			.has(DoseWarningCode.ABOVE_PROTOCOL_MAXIMUM)).isTrue();
		assertThat(calculator.calculate(iv("0.75"), context(NOW, new BigDecimal("0.75"), DoseUnit.MG_PER_KG, false, List.of(), 40, false))
			.has(DoseWarningCode.ABOVE_PROTOCOL_MAXIMUM)).isFalse();
		assertThat(calculator.calculate(esketamine(84), context(NOW, BigDecimal.valueOf(56), DoseUnit.MG, false, List.of(56), 40, false))
			.has(DoseWarningCode.ABOVE_PROTOCOL_MAXIMUM)).isTrue();
		// Above 1.0 mg/kg IV is also the hard stop, whatever the protocol says.
		DoseCalculation high = calculator.calculate(iv("1.2"), context(NOW, new BigDecimal("1.0"), DoseUnit.MG_PER_KG, false, List.of(), 40, false));
		assertThat(high.hardStop()).isTrue();
		assertThat(high.has(DoseWarningCode.ABOVE_PROTOCOL_MAXIMUM)).isTrue();
	}

	@Test
	void eightyFourMilligramsNeedsAnEarlierFiftySixInTheCourse() {
		assertThat(calculator.calculate(esketamine(84), context(NOW, null, null, true, List.of(), 40, false))
			.has(DoseWarningCode.ESKETAMINE_84_WITHOUT_56)).isTrue();
		assertThat(calculator.calculate(esketamine(84), context(NOW, null, null, true, List.of(28), 40, false))
			.has(DoseWarningCode.ESKETAMINE_84_WITHOUT_56)).isTrue();
		assertThat(calculator.calculate(esketamine(84), context(NOW, null, null, true, List.of(56), 40, false))
			.has(DoseWarningCode.ESKETAMINE_84_WITHOUT_56)).isFalse();
		assertThat(calculator.calculate(esketamine(84), context(NOW, null, null, false, List.of(), 40, false))
			.has(DoseWarningCode.ESKETAMINE_84_WITHOUT_56)).as("the suicidal-ideation schedule starts at 84").isFalse();
	}

	@Test
	void patientsOf65AndOverStartAt28WhereTheClinicFollowsThatRule() {
		assertThat(calculator.calculate(esketamine(56), context(NOW, null, null, true, List.of(), 65, true))
			.has(DoseWarningCode.OLDER_ADULT_START_ABOVE_28)).isTrue();
		assertThat(calculator.calculate(esketamine(28), context(NOW, null, null, true, List.of(), 65, true))
			.has(DoseWarningCode.OLDER_ADULT_START_ABOVE_28)).isFalse();
		assertThat(calculator.calculate(esketamine(56), context(NOW, null, null, true, List.of(), 64, true))
			.has(DoseWarningCode.OLDER_ADULT_START_ABOVE_28)).isFalse();
		assertThat(calculator.calculate(esketamine(56), context(NOW, null, null, true, List.of(), 70, false))
			.has(DoseWarningCode.OLDER_ADULT_START_ABOVE_28)).as("clinic does not follow the rule").isFalse();
		assertThat(calculator.calculate(esketamine(56), context(NOW, null, null, true, List.of(28), 70, true))
			.has(DoseWarningCode.OLDER_ADULT_START_ABOVE_28)).as("not the start of the course").isFalse();
	}

	@Test
	void withoutContextNoneOfTheseWarningsFire() {
		DoseCalculation plain = calculator.calculate(esketamine(84));
		assertThat(plain.warnings()).isEmpty();
	}
}
