package org.ketamineclinic.outcomes.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ketamineclinic.assessment.Instrument;

/** The relapse definition of clinical reference section 4 over score sequences, without Spring. */
class RelapseRuleTest {

	static final Instant DAY0 = Instant.parse("2026-01-01T10:00:00Z");

	final RelapseRule rule = new RelapseRule(RelapseRule.Settings.DEFAULTS);

	/** Totals at whole days after DAY0: {day, total, day, total, ...}. */
	static List<RelapseRule.Point> points(int... dayAndTotal) {
		List<RelapseRule.Point> points = new ArrayList<>();
		for (int i = 0; i < dayAndTotal.length; i += 2) {
			points.add(new RelapseRule.Point(DAY0.plus(Duration.ofDays(dayAndTotal[i])), dayAndTotal[i + 1]));
		}
		return points;
	}

	Optional<RelapseRule.Relapse> madrs(int... dayAndTotal) {
		return rule.latest(Instrument.MADRS, points(dayAndTotal), 34, null);
	}

	@ParameterizedTest(name = "MADRS 22 or more {0} days apart after a response: relapse {1}")
	@CsvSource({ "4, false", "5, true", "15, true", "16, false" })
	void madrsRelapseNeedsTwoHighScoresFiveToFifteenDaysApart(int daysApart, boolean relapse) {
		assertThat(madrs(0, 34, 20, 12, 40, 24, 40 + daysApart, 25).isPresent()).as("%d days apart", daysApart).isEqualTo(relapse);
	}

	@Test
	void madrsTwentyOneIsBelowTheRelapseThreshold() {
		assertThat(madrs(0, 34, 20, 12, 40, 21, 47, 25)).isEmpty();
		assertThat(madrs(0, 34, 20, 12, 40, 22, 47, 22)).get()
			.satisfies(r -> {
				assertThat(r.firstTotal()).isEqualTo(22);
				assertThat(r.confirmedTotal()).isEqualTo(22);
				assertThat(r.confirmedAt()).isEqualTo(DAY0.plus(Duration.ofDays(47)));
				assertThat(r.episodeSince()).isEqualTo(DAY0.plus(Duration.ofDays(20)));
			});
	}

	@Test
	void oneHighScoreOnlyIsNoRelapse() {
		assertThat(madrs(0, 34, 20, 12, 40, 30)).isEmpty();
		assertThat(madrs(0, 34, 20, 12, 40, 30, 47, 14)).isEmpty();
	}

	@Test
	void aPatientWhoNeverRespondedHasNoRelapse() {
		assertThat(madrs(0, 34, 10, 30, 20, 28, 27, 30)).as("no 50% fall, not in maintenance").isEmpty();
	}

	@Test
	void maintenanceAloneStartsTheWatchForMadrs() {
		List<RelapseRule.Point> noResponse = points(0, 34, 10, 24, 17, 25);
		assertThat(rule.latest(Instrument.MADRS, noResponse, 34, DAY0.plus(Duration.ofDays(9)))).isPresent();
		assertThat(rule.latest(Instrument.MADRS, noResponse, 34, DAY0.plus(Duration.ofDays(30)))).isEmpty();
	}

	@Test
	void theSameEpisodeIsReportedOnceAndANewResponseStartsAnother() {
		RelapseRule.Relapse first = madrs(0, 34, 20, 12, 40, 24, 47, 25).orElseThrow();
		RelapseRule.Relapse stillTheSame = madrs(0, 34, 20, 12, 40, 24, 47, 25, 54, 26).orElseThrow();
		assertThat(stillTheSame.episodeSince()).isEqualTo(first.episodeSince());
		RelapseRule.Relapse second = madrs(0, 34, 20, 12, 40, 24, 47, 25, 60, 10, 80, 23, 90, 24).orElseThrow();
		assertThat(second.episodeSince()).isEqualTo(DAY0.plus(Duration.ofDays(60)));
	}

	Optional<RelapseRule.Relapse> phq9(int... dayAndTotal) {
		return rule.latest(Instrument.PHQ9, points(dayAndTotal), 20, null);
	}

	@Test
	void phq9RelapseIsTwoConsecutiveScoresAtTenAndFivePointsAboveTheBest() {
		// Baseline 20, response at 8, best 6; then 11 and 12: both >= 10 and >= 6 + 5.
		assertThat(phq9(0, 20, 14, 8, 21, 6, 28, 11, 35, 12)).get().satisfies(r -> {
			assertThat(r.best()).isEqualTo(6);
			assertThat(r.firstTotal()).isEqualTo(11);
			assertThat(r.confirmedTotal()).isEqualTo(12);
		});
	}

	@Test
	void phq9FourPointsAboveTheBestIsNotARelapse() {
		// Best 7: 11 is only 4 points above it.
		assertThat(phq9(0, 20, 14, 8, 21, 7, 28, 11, 35, 11)).isEmpty();
		assertThat(phq9(0, 20, 14, 8, 21, 7, 28, 12, 35, 12)).isPresent();
	}

	@Test
	void phq9NineIsBelowTheClinicLevelEvenFivePointsAboveTheBest() {
		assertThat(phq9(0, 20, 14, 4, 21, 2, 28, 9, 35, 9)).isEmpty();
		assertThat(phq9(0, 20, 14, 4, 21, 2, 28, 10, 35, 10)).isPresent();
	}

	@Test
	void phq9NeedsTwoConsecutiveHighScores() {
		assertThat(phq9(0, 20, 14, 8, 21, 6, 28, 14, 35, 7, 42, 13)).as("a good score between").isEmpty();
		assertThat(phq9(0, 20, 14, 8, 21, 6, 28, 14)).as("one high score only").isEmpty();
	}

	@Test
	void phq9WithoutAResponseIsNotARelapse() {
		assertThat(phq9(0, 20, 14, 15, 21, 18, 28, 19)).isEmpty();
	}

	@Test
	void theClinicSettingsMoveTheLevels() {
		RelapseRule strict = new RelapseRule(new RelapseRule.Settings(22, 5, 15, 12, 5, 10));
		assertThat(strict.latest(Instrument.PHQ9, points(0, 20, 14, 4, 21, 2, 28, 11, 35, 11), 20, null)).isEmpty();
		assertThat(strict.latest(Instrument.PHQ9, points(0, 20, 14, 4, 21, 2, 28, 12, 35, 12), 20, null)).isPresent();
	}

	@Test
	void otherScalesHaveNoRelapseRule() {
		assertThat(rule.latest(Instrument.QIDS_SR16, points(0, 20, 14, 4, 21, 15, 28, 16), 20, null)).isEmpty();
	}
}
