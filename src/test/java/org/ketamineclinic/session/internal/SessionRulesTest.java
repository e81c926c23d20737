package org.ketamineclinic.session.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.ketamineclinic.evaluation.Route;
import org.ketamineclinic.evaluation.rules.BloodPressureLimit;
import org.ketamineclinic.evaluation.rules.ClinicPolicy;
import org.ketamineclinic.evaluation.rules.MonitoringLimits;
import org.ketamineclinic.platform.InvalidInput;

/** The session rules of clinical reference section 6, each fired and not fired, at its boundaries. */
class SessionRulesTest {

	static final Instant AT = Instant.parse("2026-11-20T15:00:00Z");
	static final MonitoringLimits SETTINGS = MonitoringLimits.DEFAULTS;
	static final CheckInRules.Limits LIMITS = new CheckInRules.Limits(ClinicPolicy.ESKETAMINE_LABEL_LIMIT, SETTINGS.racemicPreDoseLimit(),
			SETTINGS.racemicFoodFast(), SETTINGS.racemicLiquidFast(), 30);
	static final VitalSigns NORMAL = new VitalSigns(120, 80, 70, 98, 14);

	static CheckInRules.Facts clean(Route route) {
		return new CheckInRules.Facts(route, AT, AT.minus(Duration.ofHours(3)), AT.minus(Duration.ofHours(1)), null, "Sam Ride",
				"555-0100", true, true, true, true, NORMAL, AT.minus(Duration.ofDays(3)));
	}

	static List<String> ids(CheckInRules.Facts facts) {
		return CheckInRules.evaluate(facts, LIMITS).stream().map(CheckInRules.Finding::ruleId).toList();
	}

	static CheckInRules.Finding only(CheckInRules.Facts facts) {
		List<CheckInRules.Finding> findings = CheckInRules.evaluate(facts, LIMITS);
		assertThat(findings).hasSize(1);
		return findings.get(0);
	}

	@Test
	void aCompleteCheckInHasNoFindings() {
		assertThat(ids(clean(Route.IN_ESKETAMINE))).isEmpty();
		assertThat(ids(clean(Route.IV_KETAMINE))).isEmpty();
	}

	@Test
	void blocksWithoutEscortNameOrPhone() {
		CheckInRules.Facts f = clean(Route.IV_KETAMINE);
		CheckInRules.Finding noName = only(new CheckInRules.Facts(f.route(), AT, f.lastFoodAt(), f.lastLiquidAt(), null, " ", "555", true,
				true, true, true, NORMAL, f.weightMeasuredAt()));
		assertThat(noName.ruleId()).isEqualTo(CheckInRules.ESCORT);
		assertThat(noName.severity()).isEqualTo(CheckInRules.Severity.BLOCK);
		assertThat(noName.source()).isEqualTo(CheckInRules.Source.POLICY);
		assertThat(ids(new CheckInRules.Facts(Route.IN_ESKETAMINE, AT, f.lastFoodAt(), f.lastLiquidAt(), null, "Sam", null, true, true,
				true, true, NORMAL, null))).containsExactly(CheckInRules.ESCORT);
	}

	@Test
	void blocksWithoutEvaluationConsentOrRems() {
		CheckInRules.Facts f = clean(Route.IN_ESKETAMINE);
		assertThat(ids(new CheckInRules.Facts(f.route(), AT, f.lastFoodAt(), f.lastLiquidAt(), null, "A", "1", false, false, false, false,
				NORMAL, null))).containsExactly(CheckInRules.EVALUATION, CheckInRules.CONSENT, CheckInRules.REMS_SETTING,
						CheckInRules.REMS_PATIENT);
		assertThat(CheckInRules.evaluate(new CheckInRules.Facts(f.route(), AT, f.lastFoodAt(), f.lastLiquidAt(), null, "A", "1", true, true,
				false, true, NORMAL, null), LIMITS).get(0).source()).isEqualTo(CheckInRules.Source.REG);
		// REMS does not apply to racemic ketamine.
		assertThat(ids(new CheckInRules.Facts(Route.IV_KETAMINE, AT, f.lastFoodAt(), f.lastLiquidAt(), null, "A", "1", true, true, false,
				false, NORMAL, AT))).isEmpty();
	}

	@Test
	void bloodPressureAbove140Over90NeedsAcknowledgingNotAt() {
		for (Route route : List.of(Route.IN_ESKETAMINE, Route.IV_KETAMINE)) {
			assertThat(ids(withVitals(route, new VitalSigns(140, 90, 70, 98, null)))).isEmpty();
			CheckInRules.Finding systolic = only(withVitals(route, new VitalSigns(141, 80, 70, 98, null)));
			assertThat(systolic.ruleId()).isEqualTo(CheckInRules.BLOOD_PRESSURE);
			assertThat(systolic.severity()).isEqualTo(CheckInRules.Severity.ACKNOWLEDGE);
			assertThat(only(withVitals(route, new VitalSigns(130, 91, 70, 98, null))).ruleId()).isEqualTo(CheckInRules.BLOOD_PRESSURE);
		}
		assertThat(only(withVitals(Route.IN_ESKETAMINE, new VitalSigns(150, 80, 70, 98, null))).message()).contains("consider delaying");
		assertThat(only(withVitals(Route.IV_KETAMINE, new VitalSigns(150, 80, 70, 98, null))).message()).contains("hold and recheck");
		// A clinic may be stricter for esketamine.
		CheckInRules.Limits strict = new CheckInRules.Limits(new BloodPressureLimit(130, 85), LIMITS.racemicPreDose(),
				LIMITS.racemicFoodFast(), LIMITS.racemicLiquidFast(), 30);
		assertThat(CheckInRules.evaluate(withVitals(Route.IN_ESKETAMINE, new VitalSigns(135, 80, 70, 98, null)), strict)).hasSize(1);
	}

	static CheckInRules.Facts withVitals(Route route, VitalSigns vitals) {
		CheckInRules.Facts f = clean(route);
		return new CheckInRules.Facts(route, AT, f.lastFoodAt(), f.lastLiquidAt(), null, "A", "1", true, true, true, true, vitals,
				f.weightMeasuredAt());
	}

	static CheckInRules.Facts fasting(Route route, @Nullable Instant food, @Nullable Instant liquid, @Nullable Instant nasal) {
		return new CheckInRules.Facts(route, AT, food, liquid, nasal, "A", "1", true, true, true, true, NORMAL, AT);
	}

	@Test
	void foodWithinTwoHoursAndLiquidsWithin30MinutesNeedAcknowledging() {
		Instant twoHours = AT.minus(Duration.ofHours(2));
		Instant halfHour = AT.minus(Duration.ofMinutes(30));
		for (Route route : List.of(Route.IN_ESKETAMINE, Route.IV_KETAMINE)) {
			assertThat(ids(fasting(route, twoHours, halfHour, null))).isEmpty();
			assertThat(ids(fasting(route, twoHours.plusSeconds(60), halfHour, null))).containsExactly(CheckInRules.FOOD);
			assertThat(ids(fasting(route, twoHours, halfHour.plusSeconds(60), null))).containsExactly(CheckInRules.LIQUID);
			assertThat(ids(fasting(route, null, null, null))).containsExactly(CheckInRules.FOOD, CheckInRules.LIQUID);
		}
		assertThat(CheckInRules.evaluate(fasting(Route.IN_ESKETAMINE, AT, halfHour, null), LIMITS).get(0).source())
			.isEqualTo(CheckInRules.Source.REG);
		assertThat(CheckInRules.evaluate(fasting(Route.IV_KETAMINE, AT, halfHour, null), LIMITS).get(0).source())
			.isEqualTo(CheckInRules.Source.POLICY);
	}

	@Test
	void racemicFastingIsAClinicSettingButEsketaminesIsNot() {
		CheckInRules.Limits relaxed = new CheckInRules.Limits(LIMITS.esketaminePreDose(), LIMITS.racemicPreDose(), Duration.ofMinutes(60),
				Duration.ofMinutes(10), 30);
		Instant ninetyMinutes = AT.minus(Duration.ofMinutes(90));
		assertThat(CheckInRules.evaluate(fasting(Route.IV_KETAMINE, ninetyMinutes, AT.minus(Duration.ofMinutes(40)), null), relaxed)).isEmpty();
		assertThat(CheckInRules.evaluate(fasting(Route.IN_ESKETAMINE, ninetyMinutes, AT.minus(Duration.ofMinutes(40)), null), relaxed))
			.extracting(CheckInRules.Finding::ruleId).containsExactly(CheckInRules.FOOD);
	}

	@Test
	void nasalSteroidOrDecongestantWithinAnHourBeforeEsketamine() {
		Instant food = AT.minus(Duration.ofHours(3));
		Instant liquid = AT.minus(Duration.ofHours(1));
		assertThat(ids(fasting(Route.IN_ESKETAMINE, food, liquid, AT.minus(Duration.ofMinutes(59))))).containsExactly(CheckInRules.NASAL);
		assertThat(ids(fasting(Route.IN_ESKETAMINE, food, liquid, AT.minus(Duration.ofMinutes(60))))).isEmpty();
		assertThat(ids(fasting(Route.IV_KETAMINE, food, liquid, AT.minus(Duration.ofMinutes(5))))).isEmpty();
	}

	@Test
	void racemicWeightOlderThanTheClinicsLimit() {
		Instant food = AT.minus(Duration.ofHours(3));
		Instant liquid = AT.minus(Duration.ofHours(1));
		CheckInRules.Facts old = new CheckInRules.Facts(Route.IV_KETAMINE, AT, food, liquid, null, "A", "1", true, true, true, true, NORMAL,
				AT.minus(Duration.ofDays(31)));
		assertThat(ids(old)).containsExactly(CheckInRules.WEIGHT);
		CheckInRules.Facts edge = new CheckInRules.Facts(Route.IV_KETAMINE, AT, food, liquid, null, "A", "1", true, true, true, true, NORMAL,
				AT.minus(Duration.ofDays(30)));
		assertThat(ids(edge)).isEmpty();
		CheckInRules.Facts none = new CheckInRules.Facts(Route.IM_KETAMINE, AT, food, liquid, null, "A", "1", true, true, true, true, NORMAL,
				null);
		assertThat(ids(none)).containsExactly(CheckInRules.WEIGHT);
		CheckInRules.Facts esketamine = new CheckInRules.Facts(Route.IN_ESKETAMINE, AT, food, liquid, null, "A", "1", true, true, true, true,
				NORMAL, null);
		assertThat(ids(esketamine)).isEmpty();
	}

	@Test
	void implausibleVitalSignsAreRefusedNeverClamped() {
		assertThat(VitalSigns.checked("", 50, 20, 20, 50, 2, false)).isEqualTo(new VitalSigns(50, 20, 20, 50, 2));
		assertThat(VitalSigns.checked("", 300, 200, 250, 100, 60, false)).isEqualTo(new VitalSigns(300, 200, 250, 100, 60));
		assertThatThrownBy(() -> VitalSigns.checked("", 49, 20, 60, 98, null, false)).isInstanceOf(InvalidInput.class);
		assertThatThrownBy(() -> VitalSigns.checked("", 301, 80, 60, 98, null, false)).isInstanceOf(InvalidInput.class);
		assertThatThrownBy(() -> VitalSigns.checked("", 120, 19, 60, 98, null, false)).isInstanceOf(InvalidInput.class);
		assertThatThrownBy(() -> VitalSigns.checked("", 120, 120, 60, 98, null, false)).isInstanceOf(InvalidInput.class);
		assertThatThrownBy(() -> VitalSigns.checked("", null, null, 19, null, null, false)).isInstanceOf(InvalidInput.class);
		assertThatThrownBy(() -> VitalSigns.checked("", null, null, 251, null, null, false)).isInstanceOf(InvalidInput.class);
		assertThatThrownBy(() -> VitalSigns.checked("", null, null, null, 49, null, false)).isInstanceOf(InvalidInput.class);
		assertThatThrownBy(() -> VitalSigns.checked("", null, null, null, 101, null, false)).isInstanceOf(InvalidInput.class);
		assertThatThrownBy(() -> VitalSigns.checked("", null, null, null, null, 1, false)).isInstanceOf(InvalidInput.class);
		assertThatThrownBy(() -> VitalSigns.checked("", null, null, null, null, 61, false)).isInstanceOf(InvalidInput.class);
		assertThatThrownBy(() -> VitalSigns.checked("", 120, null, null, null, null, false)).isInstanceOf(InvalidInput.class);
		assertThatThrownBy(() -> VitalSigns.checked("", null, null, null, null, null, false)).isInstanceOf(InvalidInput.class);
		InvalidInput predose = (InvalidInput) org.assertj.core.api.Assertions.catchThrowable(
				() -> VitalSigns.checked("vitals.", null, null, null, null, null, true));
		assertThat(predose.problems()).extracting(p -> p.field()).contains("vitals.sbp", "vitals.hr", "vitals.spo2");
	}

	static List<String> alerts(VitalSigns v, @Nullable Integer previousSpo2) {
		return VitalAlertRules.evaluate(v, previousSpo2, SETTINGS).stream().map(VitalAlertRules.Alert::code).toList();
	}

	@Test
	void bloodPressureAlertAt180OrDiastolic110() {
		assertThat(alerts(new VitalSigns(179, 109, null, null, null), null)).isEmpty();
		assertThat(alerts(new VitalSigns(180, 100, null, null, null), null)).containsExactly(VitalAlertRules.BLOOD_PRESSURE_SEVERE);
		assertThat(alerts(new VitalSigns(170, 110, null, null, null), null)).containsExactly(VitalAlertRules.BLOOD_PRESSURE_SEVERE);
		assertThat(VitalAlertRules.evaluate(new VitalSigns(180, 100, null, null, null), null, SETTINGS).get(0).severity())
			.isEqualTo(VitalAlertRules.URGENT);
	}

	@Test
	void heartRateAbove120OrBelow50() {
		assertThat(alerts(new VitalSigns(null, null, 120, null, null), null)).isEmpty();
		assertThat(alerts(new VitalSigns(null, null, 50, null, null), null)).isEmpty();
		assertThat(alerts(new VitalSigns(null, null, 121, null, null), null)).containsExactly(VitalAlertRules.HEART_RATE_HIGH);
		assertThat(alerts(new VitalSigns(null, null, 49, null, null), null)).containsExactly(VitalAlertRules.HEART_RATE_LOW);
	}

	@Test
	void spo2Below92SustainedOrAnyBelow90() {
		assertThat(alerts(new VitalSigns(null, null, null, 91, null), null)).as("a single reading below 92").isEmpty();
		assertThat(alerts(new VitalSigns(null, null, null, 91, null), 92)).as("the previous one was fine").isEmpty();
		assertThat(alerts(new VitalSigns(null, null, null, 91, null), 91)).containsExactly(VitalAlertRules.SPO2_LOW_SUSTAINED);
		assertThat(alerts(new VitalSigns(null, null, null, 92, null), 91)).isEmpty();
		assertThat(alerts(new VitalSigns(null, null, null, 90, null), null)).isEmpty();
		assertThat(alerts(new VitalSigns(null, null, null, 89, null), null)).containsExactly(VitalAlertRules.SPO2_CRITICAL);
		assertThat(alerts(new VitalSigns(null, null, null, 89, null), 89)).containsExactly(VitalAlertRules.SPO2_CRITICAL);
	}

	@Test
	void respiratoryRateBelow10OrAbove30() {
		assertThat(alerts(new VitalSigns(null, null, null, null, 10), null)).isEmpty();
		assertThat(alerts(new VitalSigns(null, null, null, null, 30), null)).isEmpty();
		assertThat(alerts(new VitalSigns(null, null, null, null, 9), null)).containsExactly(VitalAlertRules.RESPIRATORY_RATE_LOW);
		assertThat(alerts(new VitalSigns(null, null, null, null, 31), null)).containsExactly(VitalAlertRules.RESPIRATORY_RATE_HIGH);
	}

	@Test
	void ivReadingsAreDueEvery10MinutesDuringTheInfusionAnd15After() {
		Instant start = AT;
		Instant end = AT.plus(Duration.ofMinutes(40));
		assertThat(MonitoringSchedule.nextDue(Route.IV_KETAMINE, true, start, end, null, SETTINGS)).isEqualTo(start.plus(Duration.ofMinutes(10)));
		assertThat(MonitoringSchedule.nextDue(Route.IV_KETAMINE, true, start, end, start.plus(Duration.ofMinutes(12)), SETTINGS))
			.isEqualTo(start.plus(Duration.ofMinutes(22)));
		assertThat(MonitoringSchedule.nextDue(Route.IV_KETAMINE, true, start, end, end, SETTINGS)).isEqualTo(end.plus(Duration.ofMinutes(15)));
		assertThat(MonitoringSchedule.nextDue(Route.IM_KETAMINE, true, start, null, null, SETTINGS)).isEqualTo(start.plus(Duration.ofMinutes(15)));
		assertThat(MonitoringSchedule.nextDue(Route.IV_KETAMINE, true, null, null, null, SETTINGS)).as("before the dose").isNull();
		assertThat(MonitoringSchedule.nextDue(Route.IV_KETAMINE, false, start, end, null, SETTINGS)).as("after the session").isNull();
		assertThat(MonitoringSchedule.overdue(start.plus(Duration.ofMinutes(10)), start.plus(Duration.ofMinutes(10)))).isFalse();
		assertThat(MonitoringSchedule.overdue(start.plus(Duration.ofMinutes(10)), start.plus(Duration.ofMinutes(11)))).isTrue();
	}

	@Test
	void esketamineNeedsOneReadingAtAbout40Minutes() {
		assertThat(MonitoringSchedule.nextDue(Route.IN_ESKETAMINE, true, AT, null, AT.minus(Duration.ofMinutes(5)), SETTINGS))
			.isEqualTo(AT.plus(Duration.ofMinutes(40)));
		assertThat(MonitoringSchedule.nextDue(Route.IN_ESKETAMINE, true, AT, null, AT.plus(Duration.ofMinutes(29)), SETTINGS))
			.isEqualTo(AT.plus(Duration.ofMinutes(40)));
		assertThat(MonitoringSchedule.nextDue(Route.IN_ESKETAMINE, true, AT, null, AT.plus(Duration.ofMinutes(30)), SETTINGS)).isNull();
	}

	static DischargeRules.Facts esketamine(Instant at, boolean escort, boolean dissociation, @Nullable Integer moaas, @Nullable VitalSigns bp,
			@Nullable Integer spo2, @Nullable Integer rr) {
		return new DischargeRules.Facts(Route.IN_ESKETAMINE, at, AT, null, escort, dissociation, moaas, null, bp,
				new VitalSigns(130, 85, 70, 98, null), spo2, rr, ClinicPolicy.ESKETAMINE_LABEL_LIMIT);
	}

	static List<String> unmet(DischargeRules.Facts facts) {
		return DischargeRules.unmet(facts, SETTINGS).stream().map(DischargeRules.Unmet::ruleId).toList();
	}

	@Test
	void esketamineDischargeNeedsTwoHoursFromTheFirstDevice() {
		VitalSigns bp = new VitalSigns(135, 85, null, null, null);
		assertThat(unmet(esketamine(AT.plus(Duration.ofMinutes(120)), true, true, 5, bp, 97, 14))).isEmpty();
		assertThat(unmet(esketamine(AT.plus(Duration.ofMinutes(119)), true, true, 5, bp, 97, 14))).containsExactly(DischargeRules.TWO_HOURS);
	}

	@Test
	void esketamineDischargeNeedsSedationDissociationBreathingBloodPressureAndEscort() {
		Instant at = AT.plus(Duration.ofMinutes(130));
		VitalSigns bp = new VitalSigns(135, 85, null, null, null);
		assertThat(unmet(esketamine(at, true, true, 4, bp, 97, 14))).containsExactly(DischargeRules.SEDATION);
		assertThat(unmet(esketamine(at, true, true, null, bp, 97, 14))).containsExactly(DischargeRules.SEDATION);
		assertThat(unmet(esketamine(at, true, false, 5, bp, 97, 14))).containsExactly(DischargeRules.DISSOCIATION);
		assertThat(unmet(esketamine(at, false, true, 5, bp, 97, 14))).containsExactly(DischargeRules.ESCORT);
		assertThat(unmet(esketamine(at, true, true, 5, bp, 91, 14))).containsExactly(DischargeRules.BREATHING);
		assertThat(unmet(esketamine(at, true, true, 5, bp, 92, 9))).containsExactly(DischargeRules.BREATHING);
		assertThat(unmet(esketamine(at, true, true, 5, bp, null, null))).containsExactly(DischargeRules.BREATHING);
		assertThat(unmet(esketamine(at, true, true, 5, null, 97, null))).containsExactly(DischargeRules.BLOOD_PRESSURE);
	}

	@Test
	void aSafeBloodPressureIsBelowTheAlertAndWithinTheLimitOrNearThePatientsOwn() {
		VitalSigns preDose = new VitalSigns(130, 85, null, null, null);
		BloodPressureLimit limit = ClinicPolicy.ESKETAMINE_LABEL_LIMIT;
		assertThat(DischargeRules.safe(new VitalSigns(140, 90, null, null, null), preDose, limit, SETTINGS)).isTrue();
		assertThat(DischargeRules.safe(new VitalSigns(150, 88, null, null, null), preDose, limit, SETTINGS)).as("20 above its own").isTrue();
		assertThat(DischargeRules.safe(new VitalSigns(151, 88, null, null, null), preDose, limit, SETTINGS)).isFalse();
		assertThat(DischargeRules.safe(new VitalSigns(151, 88, null, null, null), null, limit, SETTINGS)).isFalse();
		VitalSigns highBaseline = new VitalSigns(170, 95, null, null, null);
		assertThat(DischargeRules.safe(new VitalSigns(179, 100, null, null, null), highBaseline, limit, SETTINGS)).isTrue();
		assertThat(DischargeRules.safe(new VitalSigns(180, 100, null, null, null), highBaseline, limit, SETTINGS)).as("alert level").isFalse();
	}

	static DischargeRules.Facts iv(Instant at, @Nullable Boolean aldrete) {
		return new DischargeRules.Facts(Route.IV_KETAMINE, at, AT, AT.plus(Duration.ofMinutes(40)), true, true, null, aldrete, null, null,
				null, null, SETTINGS.racemicPreDoseLimit());
	}

	@Test
	void ketamineDischargeNeedsAldreteAndTheInfusionEnded() {
		assertThat(unmet(iv(AT.plus(Duration.ofMinutes(40)), true))).isEmpty();
		assertThat(unmet(iv(AT.plus(Duration.ofMinutes(39)), true))).containsExactly(DischargeRules.INFUSION);
		assertThat(unmet(iv(AT.plus(Duration.ofMinutes(60)), false))).containsExactly(DischargeRules.ALDRETE);
		assertThat(unmet(iv(AT.plus(Duration.ofMinutes(60)), null))).containsExactly(DischargeRules.ALDRETE);
		assertThat(unmet(new DischargeRules.Facts(Route.IM_KETAMINE, AT.plus(Duration.ofMinutes(5)), AT, null, false, false, null, true,
				null, null, null, null, SETTINGS.racemicPreDoseLimit()))).containsExactly(DischargeRules.DISSOCIATION, DischargeRules.ESCORT);
	}
}
