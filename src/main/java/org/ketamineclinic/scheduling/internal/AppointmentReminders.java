package org.ketamineclinic.scheduling.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.identity.ClinicId;
import org.ketamineclinic.identity.Role;
import org.ketamineclinic.identity.RunAs;
import org.ketamineclinic.notification.Notifications;
import org.ketamineclinic.patient.PatientRegistry;
import org.ketamineclinic.platform.ClinicTimeZone;
import org.ketamineclinic.scheduling.AppointmentType;
import org.ketamineclinic.scheduling.internal.AppointmentRows.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Emails a reminder at each of the clinic's offsets before a booked appointment (default 48 and 2
 * hours), with the preparation for dosing and a calendar entry. A row per appointment, offset and
 * start time makes each reminder go out once, also with several instances; the reminder and its
 * email are stored in one transaction and the mail outbox retries delivery, so an outage loses
 * nothing. Cancelled appointments are no longer booked and get nothing; a moved one has a new
 * start time and so gets fresh reminders.
 */
@Component
class AppointmentReminders {

	private static final Logger log = LoggerFactory.getLogger(AppointmentReminders.class);
	/** The longest offset a clinic may choose ({@link SchedulingSettings#offsets}). */
	private static final Duration LOOK_AHEAD = Duration.ofDays(14);
	static final String ACTOR = "appointment reminders";

	static final List<String> PREPARATION = List.of(
			"No food for 2 hours and no liquids for 30 minutes before your appointment.",
			"Bring an adult who will drive you home. Without a confirmed ride home the appointment has to be moved.",
			"Do not drive until the next day, after a night's sleep.");

	private final JdbcTemplate jdbc;
	private final AppointmentRows rows;
	private final SchedulingSettings settings;
	private final PatientRegistry patients;
	private final Notifications notifications;
	private final TransactionTemplate transactions;
	private final Clock clock;
	private final ZoneId zone;
	private final String baseUrl;
	private final String location;

	AppointmentReminders(JdbcTemplate jdbc, AppointmentRows rows, SchedulingSettings settings, PatientRegistry patients,
			Notifications notifications, TransactionTemplate transactions, Clock clock, ClinicTimeZone zone,
			@Value("${clinic.base-url}") String baseUrl, @Value("${clinic.scheduling.location:the clinic}") String location) {
		this.jdbc = jdbc;
		this.rows = rows;
		this.settings = settings;
		this.patients = patients;
		this.notifications = notifications;
		this.transactions = transactions;
		this.clock = clock;
		this.zone = zone.zone();
		this.baseUrl = baseUrl;
		this.location = location;
	}

	@Scheduled(fixedDelayString = "${clinic.scheduling.reminder-interval:1m}", initialDelayString = "${clinic.scheduling.reminder-interval:1m}")
	public void run() {
		queueDue(clock.instant());
	}

	/** Queues every reminder due at {@code now}; returns how many emails were queued. */
	int queueDue(Instant now) {
		Map<ClinicId, List<Duration>> offsets = new HashMap<>();
		int queued = 0;
		for (Row appointment : rows.bookedBetween(now, now.plus(LOOK_AHEAD))) {
			List<Duration> clinicOffsets = offsets.computeIfAbsent(appointment.clinicId(), c -> settings.reminders(c).offsets());
			List<Duration> due = clinicOffsets.stream().filter(o -> !now.isBefore(appointment.start().minus(o))).toList();
			if (due.isEmpty()) {
				continue;
			}
			try {
				Boolean sent = transactions.execute(tx -> queue(appointment, due, now));
				if (Boolean.TRUE.equals(sent)) {
					queued++;
				}
			}
			catch (RuntimeException failed) {
				log.warn("Reminder for appointment {} not queued ({}); will try again", appointment.id(), failed.getClass().getSimpleName());
			}
		}
		return queued;
	}

	private boolean queue(Row appointment, List<Duration> due, Instant now) {
		Set<Integer> recorded = Set.copyOf(jdbc.queryForList("SELECT offset_minutes FROM scheduling_appointment_reminder "
				+ "WHERE appointment_id = ? AND start_at = ?", Integer.class, appointment.id(), Timestamp.from(appointment.start())));
		List<Duration> fresh = due.stream().filter(o -> !recorded.contains((int) o.toMinutes())).toList();
		if (fresh.isEmpty()) {
			return false;
		}
		// Booked late, several offsets fall due at once: the shortest one says what matters now.
		Duration shortest = fresh.stream().min(Duration::compareTo).orElseThrow();
		for (Duration offset : fresh) {
			String outcome = offset.equals(shortest) ? "QUEUED" : "SUPERSEDED";
			int claimed = jdbc.update("INSERT INTO scheduling_appointment_reminder (appointment_id, offset_minutes, start_at, clinic_id, "
					+ "outcome, decided_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", appointment.id(), (int) offset.toMinutes(),
					Timestamp.from(appointment.start()), appointment.clinicId().value(), outcome, Timestamp.from(now));
			if (claimed == 0) {
				// Another instance is queueing this reminder; its transaction decides.
				throw new IllegalStateException("reminder claimed elsewhere");
			}
		}
		String email = RunAs.systemActor(appointment.clinicId(), ACTOR, Role.FRONT_DESK,
				() -> patients.find(appointment.patientId()).map(PatientRegistry.PatientSummary::email).orElse(null));
		if (email == null || email.isBlank()) {
			jdbc.update("UPDATE scheduling_appointment_reminder SET outcome = 'NO_EMAIL' WHERE appointment_id = ? AND offset_minutes = ? "
					+ "AND start_at = ?", appointment.id(), (int) shortest.toMinutes(), Timestamp.from(appointment.start()));
			log.info("No reminder for appointment {}: the patient has no email address", appointment.id());
			return false;
		}
		notifications.email(appointment.clinicId(), email, subject(appointment), body(appointment),
				List.of(new Notifications.Attachment("appointment.ics", CalendarEntry.CONTENT_TYPE,
						CalendarEntry.of(appointment.id(), appointment.start(), appointment.end(), location, now, appointment.version()))));
		return true;
	}

	String subject(Row appointment) {
		return "Reminder: your appointment on " + DateTimeFormatter.ofPattern("EEE d MMM 'at' HH:mm", Locale.ENGLISH)
			.format(appointment.start().atZone(zone));
	}

	String body(Row appointment) {
		List<String> lines = new ArrayList<>();
		lines.add("This is a reminder of your appointment at " + location + " on "
				+ DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' HH:mm", Locale.ENGLISH).format(appointment.start().atZone(zone)) + " ("
				+ zone.getId() + ").");
		lines.add("");
		if (appointment.type().dosing()) {
			lines.add("Before your appointment:");
			PREPARATION.forEach(step -> lines.add("- " + step));
			lines.add("");
		}
		lines.add("See, change or cancel your appointment" + (appointment.type().dosing() ? " and confirm your ride home" : "") + ":");
		lines.add(baseUrl + "/portal/appointments");
		lines.add("");
		lines.add("The attached calendar entry adds the appointment to your calendar.");
		return lines.stream().collect(Collectors.joining("\n"));
	}

	/** For the portal: the same preparation as the reminder email. */
	static @Nullable List<String> preparation(AppointmentType type) {
		return type.dosing() ? PREPARATION : null;
	}
}
