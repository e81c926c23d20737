package org.ketamineclinic.protocol.dosing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ketamineclinic.evaluation.Route.IM_KETAMINE;
import static org.ketamineclinic.evaluation.Route.IN_ESKETAMINE;
import static org.ketamineclinic.evaluation.Route.IV_KETAMINE;

import java.math.BigDecimal;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ketamineclinic.evaluation.Route;
import org.ketamineclinic.patient.DosingWeight;
import org.ketamineclinic.patient.SexAtBirth;
import org.ketamineclinic.platform.FieldProblem;
import org.ketamineclinic.platform.InvalidInput;

class DoseCalculatorTest {

	final DoseCalculator calculator = new DoseCalculator();

	static BigDecimal d(String value) {
		return new BigDecimal(value);
	}

	/** A request builder so each test names only what it varies. */
	static final class Req {
		Route route = IV_KETAMINE;
		BigDecimal weightKg = d("70");
		BigDecimal heightCm;
		SexAtBirth sex;
		DosingWeight dosingWeight;
		BigDecimal perKg = d("0.5");
		BigDecimal mg;
		Integer minutes;
		BigDecimal vial;
		BigDecimal bag;

		Req route(Route value) { route = value; return this; }
		Req weight(String value) { weightKg = value == null ? null : d(value); return this; }
		Req height(String value) { heightCm = d(value); return this; }
		Req sex(SexAtBirth value) { sex = value; return this; }
		Req policy(DosingWeight value) { dosingWeight = value; return this; }
		Req perKg(String value) { perKg = value == null ? null : d(value); return this; }
		Req mg(String value) { mg = value == null ? null : d(value); perKg = null; return this; }
		Req minutes(Integer value) { minutes = value; return this; }
		Req vial(String value) { vial = d(value); return this; }
		Req bag(String value) { bag = d(value); return this; }

		DoseRequest build() {
			return new DoseRequest(route, weightKg, heightCm, sex, dosingWeight, perKg, mg, minutes, vial, bag);
		}
	}

	static Req req() {
		return new Req();
	}

	DoseCalculation calc(Req req) {
		return calculator.calculate(req.build());
	}

	static void assertDecimal(BigDecimal actual, String expected) {
		assertThat(actual).isNotNull();
		assertThat(actual.compareTo(d(expected))).as(actual + " vs " + expected).isZero();
	}

	void assertRejected(Req req, String... fields) {
		assertThatThrownBy(() -> calc(req)).isInstanceOfSatisfying(InvalidInput.class,
				invalid -> assertThat(invalid.problems()).extracting(FieldProblem::field).contains(fields));
	}

	@Test
	void standardInfusionOf70KgAtHalfMgPerKg() {
		DoseCalculation dose = calc(req().minutes(40).vial("10").bag("100"));
		assertDecimal(dose.dosingWeightKg(), "70.0");
		assertDecimal(dose.doseMg(), "35.0");
		assertDecimal(dose.drawVolumeMl(), "3.50");
		assertDecimal(dose.infusionRateMlPerHour(), "150.0");
		assertDecimal(dose.doseRateMgPerMinute(), "0.875");
		assertThat(dose.devices()).isNull();
		assertThat(dose.warnings()).isEmpty();
		assertThat(dose.hardStop()).isFalse();
	}

	@ParameterizedTest(name = "{0} kg x {1} mg/kg = {2} mg")
	@CsvSource({ "25, 0.5, 12.5", "55.5, 0.5, 27.8", "83.3, 0.75, 62.5", "120, 1.0, 120.0", "350, 0.1, 35.0",
			"61.1, 0.33, 20.2" })
	void doseIsMgPerKgTimesWeightRoundedHalfUpToOneDecimal(String kg, String perKg, String mg) {
		assertDecimal(calc(req().weight(kg).perKg(perKg)).doseMg(), mg);
	}

	@Test
	void givenDoseMgIsUsedAsIs() {
		DoseCalculation dose = calc(req().mg("40"));
		assertDecimal(dose.doseMg(), "40.0");
		assertThat(dose.warnings()).isEmpty();
	}

	@Nested
	class DosingWeights {

		@Test
		void actualIsTheDefault() {
			assertDecimal(calc(req().weight("100").height("180").sex(SexAtBirth.MALE)).dosingWeightKg(), "100.0");
			assertDecimal(calc(req().weight("100").policy(DosingWeight.ACTUAL)).dosingWeightKg(), "100.0");
		}

		@Test
		void idealForAFemaleOf165Cm() {
			DoseCalculation dose = calc(req().weight("80").height("165").sex(SexAtBirth.FEMALE).policy(DosingWeight.IDEAL));
			assertDecimal(dose.dosingWeightKg(), "56.9");
			assertDecimal(dose.doseMg(), "28.5");
		}

		@Test
		void idealAndAdjustedForAMaleOf180CmAnd100Kg() {
			Req male = req().weight("100").height("180").sex(SexAtBirth.MALE);
			assertDecimal(calc(male.policy(DosingWeight.IDEAL)).dosingWeightKg(), "75.0");
			assertDecimal(calc(male.policy(DosingWeight.IDEAL)).doseMg(), "37.5");
			assertDecimal(calc(male.policy(DosingWeight.ADJUSTED)).dosingWeightKg(), "85.0");
			assertDecimal(calc(male.policy(DosingWeight.ADJUSTED)).doseMg(), "42.5");
		}

		@Test
		void idealAndAdjustedNeedHeightAndFemaleOrMale() {
			assertRejected(req().policy(DosingWeight.IDEAL).sex(SexAtBirth.FEMALE), "heightCm");
			assertRejected(req().policy(DosingWeight.ADJUSTED).height("170"), "sexAtBirth");
			assertRejected(req().policy(DosingWeight.IDEAL).height("170").sex(SexAtBirth.OTHER), "sexAtBirth");
			assertRejected(req().policy(DosingWeight.ADJUSTED).height("170").sex(SexAtBirth.UNKNOWN), "sexAtBirth");
		}

		@Test
		void anIdealWeightBelow25KgFromAVeryShortHeightIsRefused() {
			assertRejected(req().policy(DosingWeight.IDEAL).height("110").sex(SexAtBirth.FEMALE), "heightCm");
		}
	}

	@Nested
	class Vials {

		@ParameterizedTest(name = "35 mg from {0} mg/mL = {1} mL")
		@CsvSource({ "10, 3.50", "50, 0.70", "100, 0.35" })
		void drawVolumeIsDoseOverStrength(String strength, String ml) {
			assertDecimal(calc(req().route(IM_KETAMINE).vial(strength)).drawVolumeMl(), ml);
		}

		@Test
		void drawVolumeIsRoundedToHundredths() {
			// 0.5 x 61.1 = 30.55 -> 30.6 mg; / 50 = 0.612 -> 0.61 mL
			assertDecimal(calc(req().weight("61.1").vial("50")).drawVolumeMl(), "0.61");
		}

		@Test
		void theHundredMgVialMustBeDilutedForIv() {
			DoseCalculation dose = calc(req().vial("100"));
			assertThat(dose.has(DoseWarningCode.VIAL_NEEDS_DILUTION)).isTrue();
			assertThat(dose.hardStop()).isFalse();
			assertThat(calc(req().vial("50")).has(DoseWarningCode.VIAL_NEEDS_DILUTION)).isFalse();
			assertThat(calc(req().route(IM_KETAMINE).vial("100")).has(DoseWarningCode.VIAL_NEEDS_DILUTION)).isFalse();
		}

		@ParameterizedTest
		@CsvSource({ "0", "-10", "20", "25", "500", "10.5" })
		void otherStrengthsAreRefused(String strength) {
			assertRejected(req().vial(strength), "vialConcentrationMgPerMl");
		}

		@Test
		void strengthWithTrailingZerosIsAccepted() {
			assertDecimal(calc(req().vial("50.00")).drawVolumeMl(), "0.70");
		}
	}

	@Nested
	class Infusion {

		@ParameterizedTest(name = "{0} mL over {1} min = {2} mL/h")
		@CsvSource({ "100, 40, 150.0", "250, 40, 375.0", "50, 60, 50.0", "100, 45, 133.3", "500, 120, 250.0", "10, 600, 1.0" })
		void pumpRateIsBagVolumeOverHours(String bag, int minutes, String rate) {
			assertDecimal(calc(req().minutes(minutes).bag(bag)).infusionRateMlPerHour(), rate);
		}

		@Test
		void doseRateIsDoseOverMinutes() {
			assertDecimal(calc(req().minutes(40)).doseRateMgPerMinute(), "0.875");
			assertDecimal(calc(req().minutes(60)).doseRateMgPerMinute(), "0.583");
			assertThat(calc(req().minutes(40)).infusionRateMlPerHour()).isNull();
		}

		@Test
		void shorterThan40MinutesIsFasterThanStudied() {
			DoseCalculation fast = calc(req().minutes(39));
			assertThat(fast.has(DoseWarningCode.FASTER_THAN_STUDIED)).isTrue();
			assertThat(DoseWarningCode.FASTER_THAN_STUDIED.severity()).isEqualTo(DoseWarningCode.Severity.INFO);
			assertThat(fast.hardStop()).isFalse();
			assertThat(calc(req().minutes(40)).warnings()).isEmpty();
		}

		@Test
		void bagMustHoldTheDrawnDose() {
			// 0.5 x 350 = 175 mg from 10 mg/mL = 17.5 mL, more than a 10 mL bag
			assertRejected(req().weight("350").vial("10").bag("10").minutes(40), "bagVolumeMl");
		}
	}

	@Nested
	class Warnings {

		@ParameterizedTest
		@CsvSource({ "0.1", "0.5", "0.75", "1.0" })
		void ivInsideTheStudiedRangeHasNoWarning(String perKg) {
			DoseCalculation dose = calc(req().perKg(perKg));
			assertThat(dose.warnings()).isEmpty();
			assertThat(dose.hardStop()).isFalse();
		}

		@Test
		void ivAbove1MgPerKgIsAHardStop() {
			DoseCalculation dose = calc(req().perKg("1.01"));
			assertThat(dose.hardStop()).isTrue();
			assertThat(dose.has(DoseWarningCode.IV_DOSE_ABOVE_1_MG_PER_KG)).isTrue();
			assertThat(dose.has(DoseWarningCode.OUTSIDE_STUDIED_RANGE)).isTrue();
			assertDecimal(dose.doseMg(), "70.7");
		}

		@Test
		void ivAbove1MgPerKgGivenInMgIsAHardStop() {
			assertThat(calc(req().mg("70.1")).hardStop()).isTrue();
			assertThat(calc(req().mg("70")).hardStop()).isFalse();
		}

		@Test
		void ivBelowTheStudiedRangeWarnsWithoutHardStop() {
			DoseCalculation dose = calc(req().perKg("0.05"));
			assertThat(dose.warnings()).extracting(DoseWarning::code).containsExactly(DoseWarningCode.OUTSIDE_STUDIED_RANGE);
			assertThat(dose.hardStop()).isFalse();
		}

		@ParameterizedTest
		@CsvSource({ "0.2, true", "0.25, false", "0.5, false", "1.0, false", "1.1, true" })
		void imOutsideThePolicyRangeWarns(String perKg, boolean warns) {
			DoseCalculation dose = calc(req().route(IM_KETAMINE).perKg(perKg));
			assertThat(dose.has(DoseWarningCode.IM_OUTSIDE_POLICY_RANGE)).isEqualTo(warns);
			assertThat(dose.hardStop()).isFalse();
			assertThat(dose.has(DoseWarningCode.OUTSIDE_STUDIED_RANGE)).isFalse();
		}

		@Test
		void aStricterPolicyIsHonoured() {
			DosingPolicy strict = new DosingPolicy(d("0.75"), d("0.1"), d("1.0"), d("0.25"), d("1.0"), 40);
			assertThat(new DoseCalculator(strict).calculate(req().perKg("0.8").build()).hardStop()).isTrue();
		}
	}

	@Nested
	class Esketamine {

		@ParameterizedTest(name = "{0} mg = {1} devices")
		@CsvSource({ "28, 1", "56, 2", "84, 3", "56.0, 2" })
		void devicesAreDoseOver28(String mg, int devices) {
			DoseCalculation dose = calc(req().route(IN_ESKETAMINE).mg(mg));
			assertThat(dose.devices()).isEqualTo(devices);
			assertThat(dose.drawVolumeMl()).isNull();
			assertThat(dose.warnings()).isEmpty();
		}

		@ParameterizedTest
		@CsvSource({ "0", "14", "30", "112", "-28" })
		void otherDosesAreRefused(String mg) {
			assertRejected(req().route(IN_ESKETAMINE).mg(mg), "doseMg");
		}

		@Test
		void weightBasedDosingIsRefused() {
			assertRejected(req().route(IN_ESKETAMINE).perKg("0.5"), "doseMgPerKg");
		}

		@Test
		void vialsAndInfusionsAreRefused() {
			assertRejected(req().route(IN_ESKETAMINE).mg("56").vial("10"), "vialConcentrationMgPerMl");
			assertRejected(req().route(IN_ESKETAMINE).mg("56").minutes(40), "infusionMinutes");
		}
	}

	@Nested
	class RejectedInputs {

		@ParameterizedTest
		@CsvSource({ "-70", "0", "24.9", "350.1", "1000" })
		void absurdWeights(String kg) {
			assertRejected(req().weight(kg), "weightKg");
		}

		@Test
		void missingWeightAndRoute() {
			assertRejected(req().weight(null), "weightKg");
			assertRejected(req().route(null), "route");
		}

		@ParameterizedTest
		@CsvSource({ "50", "300", "-1" })
		void absurdHeights(String cm) {
			assertRejected(req().height(cm), "heightCm");
		}

		@ParameterizedTest
		@CsvSource({ "0", "-0.5", "5.01", "50" })
		void absurdMgPerKg(String perKg) {
			assertRejected(req().perKg(perKg), "doseMgPerKg");
		}

		@ParameterizedTest
		@CsvSource({ "0", "-35", "350.1", "35.25" })
		void absurdDoseMg(String mg) {
			assertRejected(req().mg(mg), "doseMg");
		}

		@Test
		void bothOrNeitherDose() {
			Req both = req();
			both.mg = d("35");
			assertRejected(both, "doseMgPerKg", "doseMg");
			assertRejected(req().perKg(null), "doseMgPerKg", "doseMg");
		}

		@ParameterizedTest
		@CsvSource({ "0", "-40", "601" })
		void absurdInfusionMinutes(int minutes) {
			assertRejected(req().minutes(minutes), "infusionMinutes");
		}

		@ParameterizedTest
		@CsvSource({ "9.9", "0", "-100", "1000.1" })
		void absurdBagVolumes(String bag) {
			assertRejected(req().minutes(40).bag(bag), "bagVolumeMl");
		}

		@Test
		void bagWithoutInfusionMinutes() {
			assertRejected(req().bag("100"), "infusionMinutes");
		}

		@Test
		void infusionFieldsAreOnlyForIv() {
			assertRejected(req().route(IM_KETAMINE).minutes(40), "infusionMinutes");
			assertRejected(req().route(IM_KETAMINE).minutes(40).bag("100"), "bagVolumeMl");
		}

		@Test
		void everyProblemIsReportedAtOnce() {
			assertRejected(req().weight("10").perKg("9").minutes(0).vial("30"), "weightKg", "doseMgPerKg",
					"infusionMinutes", "vialConcentrationMgPerMl");
		}

		@Test
		void boundariesAreAccepted() {
			assertDecimal(calc(req().weight("25").perKg("5").route(IM_KETAMINE)).doseMg(), "125.0");
			assertDecimal(calc(req().weight("350").minutes(600).bag("1000")).infusionRateMlPerHour(), "100.0");
			assertDecimal(calc(req().minutes(1).bag("10")).infusionRateMlPerHour(), "600.0");
		}
	}
}
