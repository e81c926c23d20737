package org.ketamineclinic.scheduling.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A series keeps its wall-clock time across daylight-saving changes and its day of month across short months. */
class RecurrenceTest {

	static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	@Test
	void weeklyAcrossSpringForwardKeepsTenOClockAndLosesAnHourInUtc() {
		List<ZonedDateTime> starts = Recurrence.occurrences(LocalDateTime.of(2026, 3, 5, 10, 0), NEW_YORK, Recurrence.Every.WEEK, 3);
		assertThat(starts).extracting(ZonedDateTime::toLocalTime).containsOnly(LocalTime.of(10, 0));
		assertThat(starts).extracting(ZonedDateTime::toLocalDate)
			.containsExactly(LocalDate.of(2026, 3, 5), LocalDate.of(2026, 3, 12), LocalDate.of(2026, 3, 19));
		assertThat(starts).extracting(ZonedDateTime::toInstant).containsExactly(Instant.parse("2026-03-05T15:00:00Z"),
				Instant.parse("2026-03-12T14:00:00Z"), Instant.parse("2026-03-19T14:00:00Z"));
	}

	@Test
	void weeklyAcrossFallBackKeepsTenOClockAndGainsAnHourInUtc() {
		List<ZonedDateTime> starts = Recurrence.occurrences(LocalDateTime.of(2026, 10, 29, 10, 0), NEW_YORK, Recurrence.Every.WEEK, 2);
		assertThat(starts).extracting(ZonedDateTime::toInstant)
			.containsExactly(Instant.parse("2026-10-29T14:00:00Z"), Instant.parse("2026-11-05T15:00:00Z"));
	}

	@Test
	void aSeriesOnTheDaysOfTheChangesThemselvesStaysOnTheWallClock() {
		// Sunday 2026-03-08 02:30 does not exist in New York; 2026-11-01 01:30 happens twice.
		assertThat(Recurrence.occurrences(LocalDateTime.of(2026, 3, 1, 9, 0), NEW_YORK, Recurrence.Every.WEEK, 2).get(1))
			.isEqualTo(ZonedDateTime.of(2026, 3, 8, 9, 0, 0, 0, NEW_YORK));
		assertThat(Recurrence.occurrences(LocalDateTime.of(2026, 3, 1, 2, 30), NEW_YORK, Recurrence.Every.WEEK, 2).get(1).toLocalTime())
			.isEqualTo(LocalTime.of(3, 30));
		assertThat(Recurrence.occurrences(LocalDateTime.of(2026, 10, 25, 1, 30), NEW_YORK, Recurrence.Every.WEEK, 2).get(1).toInstant())
			.isEqualTo(Instant.parse("2026-11-01T05:30:00Z"));
	}

	@Test
	void monthlyFromTheThirtyFirstKeepsTheLastDayOfShortMonthsAndReturnsToTheThirtyFirst() {
		List<ZonedDateTime> starts = Recurrence.occurrences(LocalDateTime.of(2026, 1, 31, 11, 0), NEW_YORK, Recurrence.Every.MONTH, 4);
		assertThat(starts).extracting(ZonedDateTime::toLocalDate).containsExactly(LocalDate.of(2026, 1, 31), LocalDate.of(2026, 2, 28),
				LocalDate.of(2026, 3, 31), LocalDate.of(2026, 4, 30));
		assertThat(starts).extracting(ZonedDateTime::toLocalTime).containsOnly(LocalTime.of(11, 0));
	}
}
