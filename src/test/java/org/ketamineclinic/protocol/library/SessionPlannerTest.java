package org.ketamineclinic.protocol.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Planned dates of the built-in protocols, including starts across month ends, leap days and daylight-saving changes. */
class SessionPlannerTest {

	private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	private static List<PlannedSession> plan(String code, LocalDate start) {
		Protocol protocol = BuiltInProtocols.find(code).orElseThrow();
		List<ScheduleBlock> blocks = new java.util.ArrayList<>(protocol.induction());
		blocks.addAll(protocol.maintenance());
		return SessionPlanner.plan(blocks, start, 1);
	}

	private static long day(LocalDate start, LocalDate date) {
		return ChronoUnit.DAYS.between(start, date);
	}

	@Test
	void ivSixInfusionsFitInTwoToThreeWeeksAtLeastOneClearDayApart() {
		LocalDate start = LocalDate.of(2026, 11, 30);
		List<PlannedSession> sessions = plan(BuiltInProtocols.IV_KETAMINE_6_INFUSIONS, start);
		List<PlannedSession> induction = sessions.stream().filter(s -> s.phase() == Phase.INDUCTION).toList();
		assertThat(induction).hasSize(6);
		assertThat(induction.stream().map(s -> day(start, s.earliestDate()))).containsExactly(0L, 2L, 4L, 7L, 9L, 11L);
		assertThat(induction.stream().map(s -> day(start, s.latestDate()))).containsExactly(2L, 6L, 9L, 13L, 16L, 20L);
		// The fastest plan finishes inside 2 weeks, the slowest inside 3, and earliest dates are 2+ days apart.
		assertThat(day(start, induction.get(5).earliestDate())).isLessThan(14);
		assertThat(day(start, induction.get(5).latestDate())).isLessThan(21);
		for (int i = 1; i < induction.size(); i++) {
			assertThat(day(induction.get(i - 1).earliestDate(), induction.get(i).earliestDate())).isGreaterThanOrEqualTo(2);
		}
		assertThat(sessions.get(6).phase()).isEqualTo(Phase.MAINTENANCE);
		assertThat(sessions.get(6).earliestDate()).isEqualTo(start.plusDays(21));
		assertThat(sessions.stream().map(PlannedSession::number)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
	}

	@Test
	void esketamineTrdIsTwiceWeeklyInWeeks1To4ThenWeeklyThenEveryTwoWeeks() {
		LocalDate start = LocalDate.of(2027, 1, 28);
		List<PlannedSession> sessions = plan(BuiltInProtocols.ESKETAMINE_TRD_LABEL, start);
		assertThat(sessions).hasSize(16);
		for (int week = 0; week < 4; week++) {
			// Two induction sessions in each treatment week, never both in the same half.
			PlannedSession first = sessions.get(2 * week);
			PlannedSession second = sessions.get(2 * week + 1);
			assertThat(first.phase()).isEqualTo(Phase.INDUCTION);
			assertThat(day(start, first.earliestDate())).isEqualTo(7L * week);
			assertThat(day(start, second.latestDate())).isEqualTo(7L * week + 6);
			assertThat(second.earliestDate()).isAfter(first.latestDate());
		}
		for (int week = 4; week < 8; week++) {
			PlannedSession weekly = sessions.get(4 + week);
			assertThat(weekly.phase()).isEqualTo(Phase.MAINTENANCE);
			assertThat(day(start, weekly.earliestDate())).isEqualTo(7L * week);
			assertThat(day(start, weekly.latestDate())).isEqualTo(7L * week + 6);
		}
		for (int k = 0; k < 4; k++) {
			PlannedSession biweekly = sessions.get(12 + k);
			assertThat(day(start, biweekly.earliestDate())).isEqualTo(56 + 14L * k);
			assertThat(day(start, biweekly.latestDate())).isEqualTo(56 + 14L * k + 13);
		}
		// Across the end of January and February 2027.
		assertThat(sessions.get(1).earliestDate()).isEqualTo(LocalDate.of(2027, 1, 31));
		assertThat(sessions.get(7).latestDate()).isEqualTo(LocalDate.of(2027, 2, 24));
	}

	@Test
	void mdsiHasEightSessionsInFourWeeksAndNoMaintenance() {
		LocalDate start = LocalDate.of(2028, 2, 26);
		List<PlannedSession> sessions = plan(BuiltInProtocols.ESKETAMINE_MDSI_LABEL, start);
		assertThat(sessions).hasSize(8).allMatch(s -> s.phase() == Phase.INDUCTION);
		// 2028 is a leap year: the last window ends 27 days after the start, on 24 March.
		assertThat(sessions.get(7).latestDate()).isEqualTo(LocalDate.of(2028, 3, 24));
		assertThat(sessions.get(1).earliestDate()).isEqualTo(LocalDate.of(2028, 2, 29));
	}

	/** Starts around the US spring-forward (8 March 2026) and fall-back (1 November 2026) changes and month ends. */
	@ParameterizedTest
	@ValueSource(strings = { "2026-03-06", "2026-03-07", "2026-03-08", "2026-10-30", "2026-10-31", "2026-11-01", "2026-01-31",
			"2026-02-28", "2026-04-30", "2026-12-31" })
	void calendarDaysNeverDriftAcrossDaylightSavingOrMonthEnds(String startDate) {
		LocalDate start = LocalDate.parse(startDate);
		for (Protocol protocol : BuiltInProtocols.all()) {
			List<ScheduleBlock> blocks = new java.util.ArrayList<>(protocol.induction());
			blocks.addAll(protocol.maintenance());
			List<PlannedSession> sessions = SessionPlanner.plan(blocks, start, 1);
			List<PlannedSession> reference = SessionPlanner.plan(blocks, LocalDate.of(2026, 6, 1), 1);
			assertThat(sessions).hasSameSizeAs(reference);
			for (int i = 0; i < sessions.size(); i++) {
				assertThat(day(start, sessions.get(i).earliestDate())).as(protocol.code() + " #" + (i + 1))
					.isEqualTo(day(LocalDate.of(2026, 6, 1), reference.get(i).earliestDate()));
				assertThat(day(start, sessions.get(i).latestDate()))
					.isEqualTo(day(LocalDate.of(2026, 6, 1), reference.get(i).latestDate()));
				// A session at 09:00 clinic time on its earliest date stays on that date whatever the offset that day.
				assertThat(sessions.get(i).earliestDate().atTime(9, 0).atZone(NEW_YORK).toLocalDate())
					.isEqualTo(sessions.get(i).earliestDate());
			}
		}
	}

	@Test
	void blocksThatCannotHoldTheirSessionsAreRefused() {
		assertThatThrownBy(() -> new ScheduleBlock(Phase.INDUCTION, 6, 5, 14, 21, "too tight"))
			.hasMessageContaining("do not fit in 21 days");
		assertThatThrownBy(() -> new ScheduleBlock(Phase.INDUCTION, 6, 2, 22, 21, "fast over slow"))
			.hasMessageContaining("fastest <= slowest");
		assertThatThrownBy(() -> new ScheduleBlock(Phase.INDUCTION, 0, 2, 14, 21, "none")).hasMessageContaining("sessions");
		assertThat(new ScheduleBlock(Phase.INDUCTION, 6, 4, 14, 21, "fits").sessions()).isEqualTo(6);
	}
}
