package org.ketamineclinic.scheduling.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The calendar entry's RFC 5545 form and the reminder offsets a clinic may choose. */
class CalendarEntryTest {

	@Test
	void anEntryHasOneEventWithTheAppointmentIdAndUtcTimesAndEscapesItsText() {
		UUID id = UUID.fromString("0b9d6c4e-6f4e-4a53-9a8e-7a4f8d7f6e21");
		String ics = new String(CalendarEntry.of(id, Instant.parse("2028-03-06T14:00:00Z"), Instant.parse("2028-03-06T15:40:00Z"),
				"Ketamine Clinic, 12 Main St; Suite 3", Instant.parse("2028-03-04T15:00:00Z"), 2), StandardCharsets.UTF_8);
		assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
		assertThat(ics.lines()).contains("UID:" + id, "DTSTART:20280306T140000Z", "DTEND:20280306T154000Z", "DTSTAMP:20280304T150000Z",
				"SEQUENCE:2", "LOCATION:Ketamine Clinic\\, 12 Main St\\; Suite 3");
		assertThat(ics.split("BEGIN:VEVENT", -1)).hasSize(2);
	}

	@Test
	void longLinesAreFoldedAt75Octets() {
		String ics = new String(CalendarEntry.of(UUID.randomUUID(), Instant.EPOCH, Instant.EPOCH.plusSeconds(60), "x".repeat(200), Instant.EPOCH, 0),
				StandardCharsets.UTF_8);
		assertThat(ics.split("\r\n")).allSatisfy(line -> assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));
		assertThat(ics.replace("\r\n ", "")).contains("LOCATION:" + "x".repeat(200));
	}

	@Test
	void reminderOffsetsAreReadLongestFirstAndKeptWithinLimits() {
		assertThat(SchedulingSettings.offsets(List.of("2h", "48h", "30m"))).containsExactly(Duration.ofHours(48), Duration.ofHours(2),
				Duration.ofMinutes(30));
		assertThat(SchedulingSettings.label(Duration.ofHours(48))).isEqualTo("2d");
		assertThatThrownBy(() -> SchedulingSettings.offsets(List.of("5m"))).hasMessageContaining("between 15m and 14d");
		assertThatThrownBy(() -> SchedulingSettings.offsets(List.of("soon"))).hasMessageContaining("such as 48h");
	}
}
