package org.ketamineclinic.assessment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ketamineclinic.assessment.Instrument;

class MeasureScheduleTest {

	static final Instant MONDAY = Instant.parse("2026-11-16T09:00:00Z");

	static MeasureSchedule weeklyPhq9() {
		return new MeasureSchedule(UUID.randomUUID(), UUID.randomUUID(), Instrument.PHQ9, 7, 24, MONDAY, MONDAY, "nurse");
	}

	@Test
	void isDueFromItsDueTimeAndOverdueADayLater() {
		MeasureSchedule schedule = weeklyPhq9();
		assertThat(schedule.isDue(MONDAY.minusSeconds(1))).isFalse();
		assertThat(schedule.isDue(MONDAY)).isTrue();
		assertThat(schedule.isOverdue(MONDAY.plus(Duration.ofDays(1)))).isFalse();
		assertThat(schedule.isOverdue(MONDAY.plus(Duration.ofDays(1)).plusSeconds(1))).isTrue();
	}

	@Test
	void completingItSetsTheNextDueTimeFromTheCompletion() {
		MeasureSchedule schedule = weeklyPhq9();
		Instant done = MONDAY.plus(Duration.ofHours(30));
		schedule.completedAt(done);
		assertThat(schedule.nextDueAt()).isEqualTo(done.plus(Duration.ofDays(7)));
		assertThat(schedule.isDue(done.plus(Duration.ofDays(6)))).isFalse();
	}

	@Test
	void aCompletionLongBeforeTheDueTimeDoesNotCount() {
		MeasureSchedule schedule = weeklyPhq9();
		schedule.completedAt(MONDAY.minus(Duration.ofDays(3)));
		assertThat(schedule.nextDueAt()).isEqualTo(MONDAY);
	}

	@Test
	void aDosingSessionBringsThePostSessionMeasureForward() {
		MeasureSchedule schedule = weeklyPhq9();
		schedule.completedAt(MONDAY);
		Instant sessionEnd = MONDAY.plus(Duration.ofDays(2));
		schedule.dosingSessionEndedAt(sessionEnd);
		assertThat(schedule.nextDueAt()).isEqualTo(sessionEnd.plus(Duration.ofHours(24)));
	}

	@Test
	void remindsOncePerDueTime() {
		MeasureSchedule schedule = weeklyPhq9();
		assertThat(schedule.needsReminder(MONDAY)).isTrue();
		schedule.reminded();
		assertThat(schedule.needsReminder(MONDAY.plusSeconds(60))).isFalse();
		schedule.completedAt(MONDAY.plusSeconds(120));
		assertThat(schedule.needsReminder(MONDAY.plus(Duration.ofDays(7)).plusSeconds(120))).isTrue();
	}

	@Test
	void stoppedSchedulesAreNeverDue() {
		MeasureSchedule schedule = weeklyPhq9();
		schedule.stop();
		assertThat(schedule.isDue(MONDAY)).isFalse();
		assertThat(schedule.isOverdue(MONDAY.plus(Duration.ofDays(3)))).isFalse();
	}
}
