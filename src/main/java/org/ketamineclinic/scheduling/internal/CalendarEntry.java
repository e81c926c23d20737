package org.ketamineclinic.scheduling.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * An appointment as an iCalendar file (RFC 5545) for the patient's own calendar: one VEVENT whose
 * UID is the appointment id, so a reminder for a moved appointment updates the same entry. The
 * summary says only "your appointment": a calendar is no place for health information.
 */
final class CalendarEntry {

	static final String CONTENT_TYPE = "text/calendar; charset=UTF-8; method=PUBLISH";
	private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

	private CalendarEntry() {
	}

	static byte[] of(UUID appointmentId, Instant start, Instant end, String location, Instant stamp, long sequence) {
		StringBuilder ics = new StringBuilder();
		line(ics, "BEGIN:VCALENDAR");
		line(ics, "VERSION:2.0");
		line(ics, "PRODID:-//Ketamine Clinic//Scheduling//EN");
		line(ics, "CALSCALE:GREGORIAN");
		line(ics, "METHOD:PUBLISH");
		line(ics, "BEGIN:VEVENT");
		line(ics, "UID:" + appointmentId);
		line(ics, "SEQUENCE:" + sequence);
		line(ics, "DTSTAMP:" + UTC.format(stamp));
		line(ics, "DTSTART:" + UTC.format(start));
		line(ics, "DTEND:" + UTC.format(end));
		line(ics, "SUMMARY:" + text("Your appointment at the clinic"));
		line(ics, "LOCATION:" + text(location));
		line(ics, "END:VEVENT");
		line(ics, "END:VCALENDAR");
		return ics.toString().getBytes(StandardCharsets.UTF_8);
	}

	/** TEXT values escape backslash, semicolon, comma and newlines (RFC 5545 section 3.3.11). */
	static String text(String value) {
		return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n");
	}

	/** Content lines end in CRLF and fold at 75 octets with a leading space (section 3.1). */
	private static void line(StringBuilder ics, String content) {
		byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
		int limit = 75;
		int from = 0;
		while (bytes.length - from > limit) {
			int cut = from + limit;
			while ((bytes[cut] & 0xC0) == 0x80) {
				cut--;
			}
			ics.append(new String(bytes, from, cut - from, StandardCharsets.UTF_8)).append("\r\n ");
			from = cut;
			limit = 74;
		}
		ics.append(new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8)).append("\r\n");
	}
}
