package org.ketamineclinic.outcomes.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ketamineclinic.assessment.Instrument;
import org.ketamineclinic.evaluation.Route;
import org.ketamineclinic.outcomes.cohort.CohortAnalysis.Course;
import org.ketamineclinic.outcomes.cohort.CohortAnalysis.CourseOutcome;
import org.ketamineclinic.outcomes.cohort.CohortAnalysis.Rating;
import org.ketamineclinic.outcomes.cohort.CohortAnalysis.Session;
import org.ketamineclinic.outcomes.cohort.CohortAnalysis.Summary;

class CohortAnalysisTest {

	static final LocalDate START = LocalDate.of(2026, 3, 2);

	static final LocalDate AS_OF = LocalDate.of(2026, 9, 1);

	static Course iv(String protocol) {
		return new Course(UUID.randomUUID(), UUID.randomUUID(), protocol, Route.IV_KETAMINE, START, 6, new BigDecimal("80.0"), null, null);
	}

	/** Six infusions of 40 mg (0.5 mg/kg at 80 kg) on days 0, 2, 4, 7, 9, 11 after the start. */
	static List<Session> sixInfusions() {
		List<Session> sessions = new ArrayList<>();
		for (int day : new int[] { 0, 2, 4, 7, 9, 11 }) {
			sessions.add(new Session(START.plusDays(day), new BigDecimal("40.0")));
		}
		return sessions;
	}

	static Rating rating(int day, int total) {
		return new Rating(START.plusDays(day), total);
	}

	@Test
	void aFallOfHalfTheBaselineAtTheEndOfInductionIsAResponseAndTenOrLessOnMadrsARemission() {
		CourseOutcome outcome = CohortAnalysis.judge(iv("IV6"), sixInfusions(),
				List.of(rating(-10, 40), rating(0, 32), rating(4, 20), rating(11, 10), rating(20, 12)), Instrument.MADRS, AS_OF);
		// Baseline is the last rating on or before the first dosing day (32, not 40); day 11 is the last infusion.
		assertThat(outcome.baseline()).isEqualTo(32);
		assertThat(outcome.endOfInduction()).isEqualTo(10);
		assertThat(outcome.responder()).isTrue();
		assertThat(outcome.remitter()).isTrue();
		assertThat(outcome.daysToResponse()).isEqualTo(11);
		assertThat(outcome.weeksInResponse()).isEqualTo(1);
		assertThat(outcome.relapsed()).isFalse();
		assertThat(outcome.doseBand()).isEqualTo("0.5 mg/kg");
		assertThat(outcome.dropout()).isFalse();
	}

	@Test
	void aFallOfLessThanHalfIsNoResponseAndARatingAfterTheWindowIsNotTheEndOfInduction() {
		CourseOutcome partial = CohortAnalysis.judge(iv("IV6"), sixInfusions(), List.of(rating(0, 30), rating(12, 16)),
				Instrument.MADRS, AS_OF);
		assertThat(partial.responder()).isFalse();
		assertThat(partial.endOfInduction()).isEqualTo(16);
		CourseOutcome late = CohortAnalysis.judge(iv("IV6"), sixInfusions(), List.of(rating(0, 30), rating(11 + 15, 5)),
				Instrument.MADRS, AS_OF);
		assertThat(late.endOfInduction()).isNull();
		assertThat(late.responder()).isFalse();
		// It still responded, later: time to response counts from the first dose.
		assertThat(late.daysToResponse()).isEqualTo(26);
	}

	@Test
	void remissionThresholdsDifferByScale() {
		assertThat(CohortAnalysis.remits(Instrument.PHQ9, 4)).isTrue();
		assertThat(CohortAnalysis.remits(Instrument.PHQ9, 5)).isFalse();
		assertThat(CohortAnalysis.remits(Instrument.QIDS_SR16, 5)).isTrue();
		assertThat(CohortAnalysis.remits(Instrument.QIDS_SR16, 6)).isFalse();
		assertThat(CohortAnalysis.remits(Instrument.MADRS, 10)).isTrue();
		assertThat(CohortAnalysis.remits(Instrument.MADRS, 11)).isFalse();
		assertThat(CohortAnalysis.responds(20, 10)).isTrue();
		assertThat(CohortAnalysis.responds(20, 11)).isFalse();
	}

	@Test
	void madrsRelapseIsTwentyTwoOrMoreOnTwoRatingsFiveToFifteenDaysApart() {
		List<Rating> ratings = List.of(rating(0, 34), rating(11, 12), rating(40, 24), rating(43, 25), rating(52, 26));
		CourseOutcome outcome = CohortAnalysis.judge(iv("IV6"), sixInfusions(), ratings, Instrument.MADRS, AS_OF);
		// 40 and 43 are only 3 days apart; 40 and 52 are 12 days apart: relapse on day 52, 41 days after response on day 11.
		assertThat(outcome.relapsed()).isTrue();
		assertThat(outcome.weeksInResponse()).isEqualTo(5);
	}

	@Test
	void phq9RelapseIsTenOrMoreAndFiveAboveTheBestOnTwoConsecutiveRatings() {
		List<Rating> once = List.of(rating(0, 20), rating(11, 8), rating(18, 3), rating(30, 12), rating(40, 6));
		assertThat(CohortAnalysis.judge(iv("IV6"), sixInfusions(), once, Instrument.PHQ9, AS_OF).relapsed()).isFalse();
		List<Rating> twice = List.of(rating(0, 20), rating(11, 8), rating(18, 3), rating(30, 12), rating(37, 10));
		CourseOutcome relapsed = CohortAnalysis.judge(iv("IV6"), sixInfusions(), twice, Instrument.PHQ9, AS_OF);
		assertThat(relapsed.relapsed()).isTrue();
		assertThat(relapsed.weeksInResponse()).isEqualTo(3);
	}

	@Test
	void aCourseWithoutASessionForThreeWeeksBeforeCompletingInductionIsADropout() {
		List<Session> three = sixInfusions().subList(0, 3);
		assertThat(CohortAnalysis.judge(iv("IV6"), three, List.of(), Instrument.MADRS, START.plusDays(4 + 22)).dropout()).isTrue();
		assertThat(CohortAnalysis.judge(iv("IV6"), three, List.of(), Instrument.MADRS, START.plusDays(4 + 20)).dropout()).isFalse();
		assertThat(CohortAnalysis.judge(iv("IV6"), sixInfusions(), List.of(), Instrument.MADRS, AS_OF).dropout()).isFalse();
	}

	/** A physician's stop makes a course short of its induction a dropout from that day, not three weeks later. */
	@Test
	void aCourseStoppedBeforeCompletingInductionIsADropoutFromTheDayItStopped() {
		List<Session> three = sixInfusions().subList(0, 3);
		Course stopped = new Course(UUID.randomUUID(), UUID.randomUUID(), "IV6", Route.IV_KETAMINE, START, 6, new BigDecimal("80.0"),
				"TRD", START.plusDays(5));
		assertThat(CohortAnalysis.judge(stopped, three, List.of(), Instrument.MADRS, START.plusDays(5)).dropout()).isTrue();
		assertThat(CohortAnalysis.judge(stopped, three, List.of(), Instrument.MADRS, START.plusDays(4)).dropout())
			.as("asked before the stop").isFalse();
		assertThat(CohortAnalysis.judge(iv("IV6"), three, List.of(), Instrument.MADRS, START.plusDays(5)).dropout())
			.as("not stopped and only a day since the last infusion").isFalse();
		Course completedThenStopped = new Course(UUID.randomUUID(), UUID.randomUUID(), "IV6", Route.IV_KETAMINE, START, 6,
				new BigDecimal("80.0"), "TRD", START.plusDays(30));
		assertThat(CohortAnalysis.judge(completedThenStopped, sixInfusions(), List.of(), Instrument.MADRS, AS_OF).dropout())
			.as("stopped after the whole induction").isFalse();
	}

	@Test
	void esketamineIsBandedByItsUsualDoseInMgAndRacemicByMgPerKg() {
		Course esketamine = new Course(UUID.randomUUID(), UUID.randomUUID(), "ESK", Route.IN_ESKETAMINE, START, null, null, null, null);
		List<Session> sessions = List.of(new Session(START, new BigDecimal("56")), new Session(START.plusDays(3), new BigDecimal("84")),
				new Session(START.plusDays(7), new BigDecimal("84.0")));
		assertThat(CohortAnalysis.doseBand(esketamine, sessions)).isEqualTo("84 mg");
		assertThat(CohortAnalysis.inductionTarget(esketamine)).isEqualTo(8);
		Course heavy = new Course(UUID.randomUUID(), UUID.randomUUID(), "IV6", Route.IV_KETAMINE, START, 6, new BigDecimal("60"), null, null);
		assertThat(CohortAnalysis.doseBand(heavy, List.of(new Session(START, new BigDecimal("45"))))).isEqualTo("0.75 mg/kg");
		Course unweighed = new Course(UUID.randomUUID(), UUID.randomUUID(), "IV6", Route.IV_KETAMINE, START, 6, null, null, null);
		assertThat(CohortAnalysis.doseBand(unweighed, List.of(new Session(START, new BigDecimal("45"))))).isEqualTo("weight unknown");
	}

	@Test
	void aHandComputedCohortSummarisesToTheExpectedRatesAndMedians() {
		List<CourseOutcome> outcomes = List.of(
				// responder and remitter, responded on day 11
				CohortAnalysis.judge(iv("A"), sixInfusions(), List.of(rating(0, 30), rating(11, 8)), Instrument.MADRS, AS_OF),
				// responder, not remitter, responded on day 4, relapsed
				CohortAnalysis.judge(iv("A"), sixInfusions(),
						List.of(rating(0, 40), rating(4, 20), rating(11, 18), rating(30, 30), rating(40, 31)), Instrument.MADRS, AS_OF),
				// non-responder
				CohortAnalysis.judge(iv("B"), sixInfusions(), List.of(rating(0, 30), rating(11, 25)), Instrument.MADRS, AS_OF),
				// no baseline: counted as a patient, not in the rates
				CohortAnalysis.judge(iv("B"), sixInfusions(), List.of(rating(11, 5)), Instrument.MADRS, AS_OF),
				// dropout after two sessions, no rating after
				CohortAnalysis.judge(iv("B"), sixInfusions().subList(0, 2), List.of(rating(0, 30)), Instrument.MADRS, AS_OF));
		Summary all = CohortAnalysis.summarise("all", outcomes);
		assertThat(all.patients()).isEqualTo(5);
		assertThat(all.treated()).isEqualTo(5);
		assertThat(all.withBaseline()).isEqualTo(4);
		assertThat(all.responders()).isEqualTo(2);
		assertThat(all.remitters()).isEqualTo(1);
		assertThat(all.responseRate()).isEqualTo(0.5);
		assertThat(all.remissionRate()).isEqualTo(0.25);
		assertThat(all.medianDaysToResponse()).isEqualTo(7.5);
		assertThat(all.everResponded()).isEqualTo(2);
		assertThat(all.relapsed()).isEqualTo(1);
		assertThat(all.relapseRate()).isEqualTo(0.5);
		assertThat(all.dropouts()).isEqualTo(1);
		assertThat(all.dropoutRate()).isEqualTo(0.2);
		List<Summary> byProtocol = CohortAnalysis.by(outcomes, o -> o.course().protocol());
		assertThat(byProtocol).extracting(Summary::group).containsExactly("A", "B");
		assertThat(byProtocol.get(0).responseRate()).isEqualTo(1.0);
		assertThat(byProtocol.get(1).responseRate()).isEqualTo(0.0);
	}
}
