package org.ketamineclinic.assessment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ketamineclinic.assessment.Instrument;
import org.ketamineclinic.assessment.ResponseStatus;
import org.ketamineclinic.assessment.internal.ResponsePolicy.Point;
import org.ketamineclinic.assessment.internal.ResponsePolicy.Result;

/** Clinical reference section 4, outcome definitions, over sequences of scores. */
class ResponsePolicyTest {

	static final Instant START = Instant.parse("2026-09-01T10:00:00Z");
	static final OutcomeSettings DEFAULTS = new OutcomeSettings(10, 10, 5, Duration.ofHours(2), 33, 4, "988");
	final ResponsePolicy policy = new ResponsePolicy(DEFAULTS);

	/** Scores one week apart. */
	static List<Point> weekly(int... totals) {
		List<Point> points = new ArrayList<>();
		for (int i = 0; i < totals.length; i++) {
			points.add(new Point(START.plus(Duration.ofDays(7L * i)), totals[i]));
		}
		return points;
	}

	Result phq9(int... totals) {
		return policy.evaluate(Instrument.PHQ9, weekly(totals), null, ZoneOffset.UTC);
	}

	@Test
	void noScoresMeansNoBaseline() {
		assertThat(phq9().status()).isEqualTo(ResponseStatus.NO_BASELINE);
	}

	@Test
	void aSingleScoreIsTheBaselineAndNotYetAResponse() {
		Result result = phq9(20);
		assertThat(result.baseline()).isEqualTo(20);
		assertThat(result.status()).isEqualTo(ResponseStatus.NOT_RESPONDING);
	}

	@Test
	void responseNeedsAFallOfAtLeastHalf() {
		assertThat(phq9(20, 11).status()).isEqualTo(ResponseStatus.NOT_RESPONDING);
		Result half = phq9(20, 10);
		assertThat(half.status()).isEqualTo(ResponseStatus.RESPONSE);
		assertThat(half.percentChange()).isEqualByComparingTo("-50.0");
	}

	@Test
	void phq9RemissionIsBelowFive() {
		assertThat(phq9(20, 5).status()).isEqualTo(ResponseStatus.RESPONSE);
		assertThat(phq9(20, 4).status()).isEqualTo(ResponseStatus.REMISSION);
	}

	@Test
	void qidsRemissionIsFiveOrLess() {
		assertThat(policy.evaluate(Instrument.QIDS_SR16, weekly(18, 6), null, ZoneOffset.UTC).status())
			.isEqualTo(ResponseStatus.RESPONSE);
		assertThat(policy.evaluate(Instrument.QIDS_SR16, weekly(18, 5), null, ZoneOffset.UTC).status())
			.isEqualTo(ResponseStatus.REMISSION);
	}

	@Test
	void madrsRemissionCutOffIsAClinicSetting() {
		assertThat(policy.evaluate(Instrument.MADRS, weekly(30, 11), null, ZoneOffset.UTC).status())
			.isEqualTo(ResponseStatus.RESPONSE);
		assertThat(policy.evaluate(Instrument.MADRS, weekly(30, 10), null, ZoneOffset.UTC).status())
			.isEqualTo(ResponseStatus.REMISSION);
		ResponsePolicy esketamineProgramme = new ResponsePolicy(new OutcomeSettings(12, 10, 5, Duration.ofHours(2), 33, 4, "988"));
		assertThat(esketamineProgramme.evaluate(Instrument.MADRS, weekly(30, 12), null, ZoneOffset.UTC).status())
			.isEqualTo(ResponseStatus.REMISSION);
	}

	@Test
	void phq9RelapseNeedsTwoConsecutiveScoresBackAtTenAndFiveAboveTheBest() {
		assertThat(phq9(20, 4, 12).status()).as("one high score is not a relapse").isEqualTo(ResponseStatus.NOT_RESPONDING);
		assertThat(phq9(20, 4, 12, 11).status()).isEqualTo(ResponseStatus.RELAPSE);
		assertThat(phq9(18, 6, 10, 10).status()).as("10 is only 4 above the best of 6").isEqualTo(ResponseStatus.NOT_RESPONDING);
		assertThat(phq9(20, 6, 12, 4, 12).status()).as("not consecutive").isEqualTo(ResponseStatus.NOT_RESPONDING);
	}

	@Test
	void aRelapseStandsUntilTheNextResponse() {
		assertThat(phq9(20, 4, 12, 12, 11).status()).isEqualTo(ResponseStatus.RELAPSE);
		assertThat(phq9(20, 4, 12, 12, 8).status()).isEqualTo(ResponseStatus.RESPONSE);
	}

	@Test
	void noRelapseWithoutAnEarlierResponse() {
		assertThat(phq9(20, 18, 19, 20).status()).isEqualTo(ResponseStatus.NOT_RESPONDING);
	}

	@Test
	void madrsRelapseNeedsTwoScoresOf22FiveToFifteenDaysApart() {
		Instant responded = START.plus(Duration.ofDays(21));
		List<Point> base = List.of(new Point(START, 34), new Point(responded, 9));
		assertThat(madrs(base, new Point(responded.plus(Duration.ofDays(30)), 24), new Point(responded.plus(Duration.ofDays(36)), 22)))
			.isEqualTo(ResponseStatus.RELAPSE);
		assertThat(madrs(base, new Point(responded.plus(Duration.ofDays(30)), 24), new Point(responded.plus(Duration.ofDays(33)), 22)))
			.as("3 days apart").isEqualTo(ResponseStatus.NOT_RESPONDING);
		assertThat(madrs(base, new Point(responded.plus(Duration.ofDays(30)), 24), new Point(responded.plus(Duration.ofDays(46)), 22)))
			.as("16 days apart").isEqualTo(ResponseStatus.NOT_RESPONDING);
		assertThat(madrs(base, new Point(responded.plus(Duration.ofDays(30)), 21), new Point(responded.plus(Duration.ofDays(36)), 22)))
			.as("21 is below 22").isEqualTo(ResponseStatus.NOT_RESPONDING);
	}

	ResponseStatus madrs(List<Point> base, Point... later) {
		List<Point> points = new ArrayList<>(base);
		points.addAll(List.of(later));
		return policy.evaluate(Instrument.MADRS, points, null, ZoneOffset.UTC).status();
	}

	@Test
	void baselineIsTheLastScoreOnOrBeforeTheFirstDosingDay() {
		List<Point> points = weekly(16, 22, 10);
		LocalDate firstDose = START.plus(Duration.ofDays(7)).atZone(ZoneOffset.UTC).toLocalDate();
		Result result = policy.evaluate(Instrument.PHQ9, points, firstDose, ZoneOffset.UTC);
		assertThat(result.baseline()).isEqualTo(22);
		assertThat(result.status()).isEqualTo(ResponseStatus.RESPONSE);
		assertThat(policy.evaluate(Instrument.PHQ9, points, START.minus(Duration.ofDays(1)).atZone(ZoneOffset.UTC).toLocalDate(),
				ZoneOffset.UTC).status()).as("no score before dosing").isEqualTo(ResponseStatus.NO_BASELINE);
	}
}
