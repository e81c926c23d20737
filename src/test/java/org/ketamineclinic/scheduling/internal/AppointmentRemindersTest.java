package org.ketamineclinic.scheduling.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ketamineclinic.scheduling.internal.PatientSideFixtures.at;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ketamineclinic.identity.Accounts;
import org.ketamineclinic.support.ApiClient;
import org.ketamineclinic.support.ClinicIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reminders at the clinic's offsets before each booked appointment: once per offset, with the
 * preparation for dosing and a calendar entry, none for a cancelled appointment, fresh ones for a
 * moved one, and none lost while the mail server is down. Times are passed in explicitly, on dates
 * in 2028 that no other test books.
 */
@ClinicIntegrationTest
class AppointmentRemindersTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	AppointmentReminders reminders;

	@Autowired
	GreenMail mail;

	PatientSideFixtures fixtures;

	@BeforeEach
	void setUp() {
		fixtures = new PatientSideFixtures(new ApiClient(port), jdbc, accounts);
	}

	@Test
	void eachOffsetIsQueuedOnceAndCarriesTheCalendarEntry() throws Exception {
		String email = "rem-" + PatientSideFixtures.letters(8) + "@example.org";
		UUID patient = fixtures.patient(email);
		Instant start = Instant.parse(at(LocalDate.of(2028, 3, 6), 9, 0));
		UUID appointment = fixtures.book(patient, "IV_INFUSION", start.toString());

		reminders.queueDue(start.minus(Duration.ofHours(49)));
		assertThat(outcomes(appointment)).isEmpty();

		reminders.queueDue(start.minus(Duration.ofHours(47)));
		reminders.queueDue(start.minus(Duration.ofHours(46)));
		assertThat(outcomes(appointment)).containsExactly("2880:QUEUED");

		reminders.queueDue(start.minus(Duration.ofMinutes(90)));
		reminders.queueDue(start.minus(Duration.ofMinutes(60)));
		assertThat(outcomes(appointment)).containsExactly("120:QUEUED", "2880:QUEUED");

		List<MimeMessage> received = awaitMessages(email, 2);
		MimeMessage first = received.get(0);
		assertThat(first.getSubject()).startsWith("Reminder: your appointment on").doesNotContain("Side").doesNotContain("IV");
		assertThat(first.getContent()).isInstanceOf(Multipart.class);
		Multipart parts = (Multipart) first.getContent();
		String text = null;
		String calendar = null;
		for (BodyPart part : parts(parts)) {
			if (part.isMimeType("text/calendar")) {
				calendar = content(part);
				assertThat(part.getFileName()).isEqualTo("appointment.ics");
			}
			else if (part.isMimeType("text/plain")) {
				text = content(part);
			}
		}
		assertThat(calendar).isNotNull().contains("BEGIN:VCALENDAR", "BEGIN:VEVENT", "UID:" + appointment, "DTSTART:20280306T140000Z",
				"DTEND:20280306T154000Z", "END:VEVENT").doesNotContain("Side");
		assertThat(calendar.lines().filter(l -> l.startsWith("SUMMARY:")).findFirst().orElseThrow()).isEqualTo("SUMMARY:Your appointment at the clinic");
		assertThat(text).isNotNull().contains("No food for 2 hours and no liquids for 30 minutes", "adult who will drive you home",
				"/portal/appointments").doesNotContain("Side").doesNotContain("Zp");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM mail_outbox WHERE recipient = ?", Integer.class, email)).isEqualTo(2);
	}

	@Test
	void aCancelledAppointmentGetsNoneAndAMovedOneGetsFreshRemindersForItsNewTime() {
		UUID patient = fixtures.patient("move-" + PatientSideFixtures.letters(8) + "@example.org");
		LocalDate tuesday = LocalDate.of(2028, 3, 7);
		UUID cancelled = fixtures.book(patient, "FOLLOW_UP", at(tuesday, 9, 0));
		assertThat(fixtures.cancel(cancelled, "Patient is travelling").status()).isEqualTo(200);
		Instant start = Instant.parse(at(tuesday, 11, 0));
		UUID moved = fixtures.book(patient, "FOLLOW_UP", start.toString());

		reminders.queueDue(start.minus(Duration.ofHours(47)));
		assertThat(outcomes(cancelled)).isEmpty();
		assertThat(outcomes(moved)).containsExactly("2880:QUEUED");

		Instant later = Instant.parse(at(tuesday.plusDays(1), 11, 0));
		ApiClient.Response rescheduled = fixtures.api.post(fixtures.api.token("frontdesk"), "/api/v1/appointments/" + moved + "/reschedule",
				Map.of("start", later.toString(), "reason", "Physician away", "version", 0));
		assertThat(rescheduled.status()).as(rescheduled.body()).isEqualTo(200);
		reminders.queueDue(later.minus(Duration.ofHours(47)));
		assertThat(jdbc.queryForList("SELECT start_at || ':' || outcome FROM scheduling_appointment_reminder WHERE appointment_id = ? "
				+ "ORDER BY start_at", String.class, moved)).hasSize(2);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM scheduling_appointment_reminder WHERE appointment_id = ? AND start_at = ?",
				Integer.class, moved, java.sql.Timestamp.from(later))).isEqualTo(1);
	}

	@Test
	void aLateBookingGetsOnlyTheShortestDueReminderAndAPatientWithoutEmailIsRecorded() {
		UUID withEmail = fixtures.patient("late-" + PatientSideFixtures.letters(8) + "@example.org");
		UUID withoutEmail = fixtures.patient(null);
		LocalDate wednesday = LocalDate.of(2028, 3, 8);
		Instant start = Instant.parse(at(wednesday, 9, 0));
		UUID late = fixtures.book(withEmail, "FOLLOW_UP", start.toString());
		UUID silent = fixtures.book(withoutEmail, "FOLLOW_UP", at(wednesday, 10, 0));

		reminders.queueDue(start.minus(Duration.ofMinutes(30)));
		assertThat(outcomes(late)).containsExactly("120:QUEUED", "2880:SUPERSEDED");
		assertThat(outcomes(silent)).containsExactly("120:NO_EMAIL", "2880:SUPERSEDED");
	}

	@Test
	void aReminderQueuedWhileTheMailServerIsDownIsDeliveredOnceItIsBack() throws Exception {
		String email = "outage-" + PatientSideFixtures.letters(8) + "@example.org";
		UUID patient = fixtures.patient(email);
		Instant start = Instant.parse(at(LocalDate.of(2028, 3, 9), 9, 0));
		UUID appointment = fixtures.book(patient, "IM_INJECTION", start.toString());
		mail.stop();
		try {
			reminders.queueDue(start.minus(Duration.ofHours(47)));
			await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
					"SELECT count(*) FROM mail_outbox WHERE recipient = ? AND sent_at IS NULL AND attempts > 0 AND last_error IS NOT NULL",
					Integer.class, email) == 1);
		}
		finally {
			mail.start();
		}
		// Make the failed message due again instead of waiting out its back-off.
		jdbc.update("UPDATE mail_outbox SET next_attempt_at = now() WHERE recipient = ? AND sent_at IS NULL", email);
		List<MimeMessage> received = awaitMessages(email, 1);
		assertThat(received).hasSize(1);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM mail_outbox WHERE recipient = ? AND sent_at IS NOT NULL", Integer.class, email))
			.isEqualTo(1);
		assertThat(outcomes(appointment)).containsExactly("2880:QUEUED");
		assertThat(Arrays.stream(parts((Multipart) received.get(0).getContent())).anyMatch(p -> {
			try {
				return p.isMimeType("text/calendar") && content(p).contains("UID:" + appointment);
			}
			catch (Exception e) {
				return false;
			}
		})).isTrue();
	}

	List<String> outcomes(UUID appointment) {
		return jdbc.queryForList("SELECT offset_minutes || ':' || outcome FROM scheduling_appointment_reminder WHERE appointment_id = ? "
				+ "ORDER BY offset_minutes", String.class, appointment);
	}

	List<MimeMessage> awaitMessages(String recipient, int count) {
		await().atMost(Duration.ofSeconds(20)).until(() -> messagesTo(recipient).size() >= count);
		return messagesTo(recipient);
	}

	List<MimeMessage> messagesTo(String recipient) {
		List<MimeMessage> found = new ArrayList<>();
		for (MimeMessage message : mail.getReceivedMessages()) {
			try {
				if (Arrays.stream(message.getAllRecipients()).anyMatch(a -> a.toString().equals(recipient))) {
					found.add(message);
				}
			}
			catch (jakarta.mail.MessagingException e) {
				throw new IllegalStateException(e);
			}
		}
		return found;
	}

	static BodyPart[] parts(Multipart multipart) throws Exception {
		List<BodyPart> all = new ArrayList<>();
		for (int i = 0; i < multipart.getCount(); i++) {
			BodyPart part = multipart.getBodyPart(i);
			if (part.getContent() instanceof Multipart nested) {
				all.addAll(Arrays.asList(parts(nested)));
			}
			else {
				all.add(part);
			}
		}
		return all.toArray(BodyPart[]::new);
	}

	static String content(BodyPart part) throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		part.getDataHandler().writeTo(bytes);
		return bytes.toString(StandardCharsets.UTF_8);
	}
}
