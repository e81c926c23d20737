package org.ketamineclinic.therapy.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.audit.AuditAction;
import org.ketamineclinic.audit.AuditTrail;
import org.ketamineclinic.identity.ClinicUser;
import org.ketamineclinic.identity.CurrentUser;
import org.ketamineclinic.identity.Role;
import org.ketamineclinic.patient.PatientRegistry;
import org.ketamineclinic.platform.Conflict;
import org.ketamineclinic.platform.FieldChecks;
import org.ketamineclinic.platform.InvalidInput;
import org.ketamineclinic.platform.NotFound;
import org.ketamineclinic.platform.Sha256;
import org.ketamineclinic.scheduling.AppointmentType;
import org.ketamineclinic.scheduling.Appointments;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Preparation and integration sessions and their structured notes. Physicians and therapists plan
 * and read them; nurses, the front desk and administrators do not read therapy notes, and patients
 * never see staff notes. The note is a draft that only the session's holder edits and signs;
 * signing keeps a SHA-256 of the content, a database trigger locks the signed note, and later words
 * are addenda. Every read and change is audited.
 */
@Service
@Transactional
@PreAuthorize("hasAnyRole('PHYSICIAN','THERAPIST')")
class TherapySessions {

	static final String RESOURCE = "TherapySession";
	static final String NOTE = "TherapyNote";
	static final int MAX_FIELD = 4_000;
	static final int MAX_FREE_TEXT = 20_000;

	record PlanForm(@Nullable String type, @Nullable UUID dosingSessionId, @Nullable String start) {
	}

	record NoteForm(@Nullable String themes, @Nullable String insights, @Nullable String goals, @Nullable String practice,
			@Nullable String freeText, @Nullable Long version) {
	}

	record TextForm(@Nullable String text) {
	}

	record ReasonForm(@Nullable String reason, @Nullable Long version) {
	}

	record Summary(UUID id, UUID patientId, TherapyType type, TherapyStatus status, @Nullable UUID dosingSessionId,
			@Nullable Instant scheduledAt, @Nullable UUID appointmentId, String heldBy, @Nullable Instant heldAt,
			@Nullable String statusReason, String createdBy, Instant createdAt, long version) {
	}

	record Addendum(UUID id, String text, String addedBy, Instant addedAt) {
	}

	/** Draft fields until signed; then the signed content, its hash, who and when. */
	record Note(boolean signed, String themes, String insights, String goals, String practice, String freeText,
			@Nullable String contentSha256, @Nullable String signedBy, @Nullable Instant signedAt, List<Addendum> addenda) {
	}

	record TherapySessionView(UUID id, UUID patientId, TherapyType type, TherapyStatus status, @Nullable UUID dosingSessionId,
			@Nullable Instant scheduledAt, @Nullable UUID appointmentId, String heldBy, @Nullable Instant heldAt,
			@Nullable String statusReason, String createdBy, Instant createdAt, @Nullable String changedBy,
			@Nullable Instant changedAt, long version, Note note) {
	}

	/** A dosing session therapy can link to. */
	record DosingSession(UUID id, String route, @Nullable Instant scheduledStart, String status, @Nullable Instant dischargedAt) {
	}

	private record Row(UUID id, UUID clinicId, UUID patientId, String type, String status, @Nullable UUID dosingSessionId,
			@Nullable Instant scheduledAt, @Nullable UUID appointmentId, String heldBy, @Nullable Instant heldAt, @Nullable String themes,
			@Nullable String insights, @Nullable String goals, @Nullable String practice, @Nullable String freeText,
			@Nullable String statusReason, String createdBy, Instant createdAt, @Nullable String changedBy, @Nullable Instant changedAt,
			long version) {
	}

	private record SignedNote(String themes, String insights, String goals, String practice, String freeText, String contentSha256,
			String signedBy, Instant signedAt) {
	}

	private final JdbcClient jdbc;
	private final PatientRegistry patients;
	private final Appointments appointments;
	private final CurrentUser currentUser;
	private final AuditTrail audit;
	private final Clock clock;

	TherapySessions(JdbcClient jdbc, PatientRegistry patients, Appointments appointments, CurrentUser currentUser, AuditTrail audit,
			Clock clock) {
		this.jdbc = jdbc;
		this.patients = patients;
		this.appointments = appointments;
		this.currentUser = currentUser;
		this.audit = audit;
		this.clock = clock;
	}

	TherapySessionView plan(UUID patientId, PlanForm form) {
		requirePatient(patientId);
		FieldChecks checks = new FieldChecks().require("type", form.type());
		TherapyType type = form.type() == null || form.type().isBlank() ? null
				: checks.check("type", () -> type(form.type()));
		Instant start = form.start() == null || form.start().isBlank() ? null : checks.check("start", () -> parse(form.start()));
		DosingSession dosing = null;
		if (form.dosingSessionId() != null) {
			dosing = dosingSessions(patientId).stream().filter(d -> d.id().equals(form.dosingSessionId())).findFirst().orElse(null);
			checks.rule(dosing != null, "dosingSessionId", "is not a dosing session of this patient");
		}
		if (dosing != null && type == TherapyType.INTEGRATION) {
			// An aborted session had begun dosing, so integration after it is as much in order as after a discharge.
			checks.rule("DISCHARGED".equals(dosing.status()) || "ABORTED".equals(dosing.status()), "dosingSessionId",
					"integration follows a dosing session that has ended (discharged or aborted)");
			if (start != null && dosing.dischargedAt() != null) {
				checks.rule(start.isAfter(dosing.dischargedAt()), "start", "integration comes after the dosing session's discharge");
			}
		}
		if (dosing != null && type == TherapyType.PREPARATION) {
			checks.rule("PLANNED".equals(dosing.status()), "dosingSessionId", "preparation comes before a dosing session still planned");
			if (start != null && dosing.scheduledStart() != null) {
				checks.rule(start.isBefore(dosing.scheduledStart()), "start", "preparation comes before the dosing session");
			}
		}
		checks.throwIfAny();
		ClinicUser user = currentUser.get();
		UUID appointmentId = null;
		if (start != null) {
			// The booking keeps the therapist who plans it; a physician's plan lets scheduling choose the therapist.
			List<Appointments.AppointmentView> booked = appointments.book(new Appointments.NewAppointment(patientId,
					AppointmentType.INTEGRATION_THERAPY.name(), start.toString(), null, null,
					user.role() == Role.THERAPIST ? user.userId() : null, null));
			appointmentId = booked.get(0).id();
		}
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO therapy_session (id, clinic_id, patient_id, type, status, dosing_session_id, scheduled_at, appointment_id,
				  held_by, created_by, created_at) VALUES (?, ?, ?, ?, 'PLANNED', ?, ?, ?, ?, ?, ?)""")
			.params(id, user.clinicId().value(), patientId, type.name(), form.dosingSessionId(), start == null ? null : Timestamp.from(start),
					appointmentId, user.username(), user.username(), Timestamp.from(clock.instant()))
			.update();
		audit.changed(patientId, RESOURCE, id, AuditAction.CREATE);
		return view(id);
	}

	List<Summary> forPatient(UUID patientId) {
		requirePatient(patientId);
		audit.read(patientId, RESOURCE, null);
		return jdbc.sql("""
				SELECT id, patient_id, type, status, dosing_session_id, scheduled_at, appointment_id, held_by, held_at, status_reason,
				  created_by, created_at, version FROM therapy_session WHERE clinic_id = ? AND patient_id = ?
				ORDER BY COALESCE(scheduled_at, created_at) DESC""")
			.params(currentUser.clinic().value(), patientId)
			.query(Summary.class)
			.list();
	}

	/** The patient's dosing sessions therapy knows of, newest first, for the link on the planning form. */
	List<DosingSession> dosingSessions(UUID patientId) {
		return jdbc.sql("""
				SELECT id, route, scheduled_start, status, discharged_at FROM therapy_dosing_session WHERE clinic_id = ? AND patient_id = ?
				ORDER BY COALESCE(discharged_at, scheduled_start) DESC NULLS LAST""")
			.params(currentUser.clinic().value(), patientId)
			.query(DosingSession.class)
			.list();
	}

	TherapySessionView view(UUID id) {
		Row row = row(id);
		audit.read(row.patientId(), NOTE, id);
		SignedNote signed = signed(id);
		Note note = signed == null
				? new Note(false, text(row.themes()), text(row.insights()), text(row.goals()), text(row.practice()), text(row.freeText()),
						null, null, null, List.of())
				: new Note(true, signed.themes(), signed.insights(), signed.goals(), signed.practice(), signed.freeText(),
						signed.contentSha256(), signed.signedBy(), signed.signedAt(), addenda(id));
		return new TherapySessionView(row.id(), row.patientId(), TherapyType.valueOf(row.type()), TherapyStatus.valueOf(row.status()),
				row.dosingSessionId(), row.scheduledAt(), row.appointmentId(), row.heldBy(), row.heldAt(), row.statusReason(),
				row.createdBy(), row.createdAt(), row.changedBy(), row.changedAt(), row.version(), note);
	}

	/** Saves the draft; only the holder writes it, and only until it is signed. */
	TherapySessionView saveNote(UUID id, NoteForm form) {
		Row row = row(id);
		requireDraftOfHolder(row);
		FieldChecks checks = new FieldChecks();
		length(checks, "themes", form.themes(), MAX_FIELD);
		length(checks, "insights", form.insights(), MAX_FIELD);
		length(checks, "goals", form.goals(), MAX_FIELD);
		length(checks, "practice", form.practice(), MAX_FIELD);
		length(checks, "freeText", form.freeText(), MAX_FREE_TEXT);
		checks.throwIfAny();
		int updated = jdbc.sql("""
				UPDATE therapy_session SET themes = ?, insights = ?, goals = ?, practice = ?, free_text = ?, changed_by = ?, changed_at = ?,
				  version = version + 1 WHERE id = ? AND version = ?""")
			.params(stripped(form.themes()), stripped(form.insights()), stripped(form.goals()), stripped(form.practice()),
					stripped(form.freeText()), currentUser.get().username(), Timestamp.from(clock.instant()), id,
					form.version() == null ? row.version() : form.version())
			.update();
		if (updated == 0) {
			throw new Conflict("The therapy session was changed by someone else: reload it and enter your changes again");
		}
		audit.changed(row.patientId(), NOTE, id, AuditAction.UPDATE);
		return view(id);
	}

	/** Signs the draft as saved; the session is then held, and an integration due in its window is met. */
	TherapySessionView sign(UUID id) {
		Row row = row(id);
		requireDraftOfHolder(row);
		if (text(row.themes()).isEmpty() && text(row.insights()).isEmpty() && text(row.goals()).isEmpty() && text(row.practice()).isEmpty()) {
			throw new InvalidInput("themes", "write at least one of themes, insights, goals or between-session practice before signing");
		}
		Instant now = clock.instant();
		String content = content(row);
		jdbc.sql("""
				INSERT INTO therapy_note (session_id, clinic_id, themes, insights, goals, practice, free_text, content_sha256, signed_by, signed_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, row.clinicId(), text(row.themes()), text(row.insights()), text(row.goals()), text(row.practice()),
					text(row.freeText()), Sha256.hex(content), currentUser.get().username(), Timestamp.from(now))
			.update();
		// Held when planned for a time already past, else now: the window check uses when it took place.
		Instant heldAt = row.scheduledAt() != null && row.scheduledAt().isBefore(now) ? row.scheduledAt() : now;
		jdbc.sql("UPDATE therapy_session SET status = 'HELD', held_at = ?, changed_by = ?, changed_at = ?, version = version + 1 WHERE id = ?")
			.params(Timestamp.from(heldAt), currentUser.get().username(), Timestamp.from(now), id)
			.update();
		if (TherapyType.valueOf(row.type()) == TherapyType.INTEGRATION) {
			jdbc.sql("""
					UPDATE therapy_integration_due SET met_by = ?, met_at = ?
					WHERE clinic_id = ? AND patient_id = ? AND met_by IS NULL AND (dosing_session_id = ? OR ? BETWEEN discharged_at AND due_by)""")
				.params(id, Timestamp.from(heldAt), row.clinicId(), row.patientId(), row.dosingSessionId(), Timestamp.from(heldAt))
				.update();
		}
		audit.changed(row.patientId(), NOTE, id, AuditAction.CREATE);
		return view(id);
	}

	/** Any physician or therapist of the clinic may add to a signed note; nobody changes it. */
	TherapySessionView addendum(UUID id, TextForm form) {
		Row row = row(id);
		if (signed(id) == null) {
			throw new Conflict("The note is not signed yet: edit the draft instead");
		}
		FieldChecks checks = new FieldChecks().require("text", form.text());
		length(checks, "text", form.text(), MAX_FREE_TEXT);
		checks.throwIfAny();
		jdbc.sql("INSERT INTO therapy_note_addendum (id, session_id, clinic_id, text, added_by, added_at) VALUES (?, ?, ?, ?, ?, ?)")
			.params(UUID.randomUUID(), id, row.clinicId(), form.text().strip(), currentUser.get().username(), Timestamp.from(clock.instant()))
			.update();
		audit.changed(row.patientId(), NOTE, id, AuditAction.UPDATE);
		return view(id);
	}

	/** Cancels a planned session with a reason, and its appointment with it; a held session is a record and stays. */
	TherapySessionView cancel(UUID id, ReasonForm form) {
		Row row = row(id);
		if (!TherapyStatus.PLANNED.name().equals(row.status())) {
			throw new Conflict("Only a planned therapy session can be cancelled; it is " + row.status());
		}
		FieldChecks checks = new FieldChecks().require("reason", form.reason());
		length(checks, "reason", form.reason(), 500);
		checks.throwIfAny();
		int updated = jdbc.sql("""
				UPDATE therapy_session SET status = 'CANCELLED', status_reason = ?, changed_by = ?, changed_at = ?, version = version + 1
				WHERE id = ? AND version = ?""")
			.params(form.reason().strip(), currentUser.get().username(), Timestamp.from(clock.instant()), id,
					form.version() == null ? row.version() : form.version())
			.update();
		if (updated == 0) {
			throw new Conflict("The therapy session was changed by someone else: reload it and try again");
		}
		if (row.appointmentId() != null) {
			appointments.cancel(row.appointmentId(), form.reason().strip(), null);
		}
		audit.changed(row.patientId(), RESOURCE, id, AuditAction.VOID);
		return view(id);
	}

	/** The signed content in a fixed order with labels, so the hash can be recomputed from the stored fields. */
	static String content(String themes, String insights, String goals, String practice, String freeText) {
		return "Themes:\n" + themes + "\nInsights:\n" + insights + "\nGoals:\n" + goals + "\nBetween-session practice:\n" + practice
				+ "\nNotes:\n" + freeText;
	}

	private static String content(Row row) {
		return content(text(row.themes()), text(row.insights()), text(row.goals()), text(row.practice()), text(row.freeText()));
	}

	private void requireDraftOfHolder(Row row) {
		if (!TherapyStatus.PLANNED.name().equals(row.status())) {
			throw new Conflict(TherapyStatus.HELD.name().equals(row.status()) ? "The note is signed and locked: add an addendum instead"
					: "The therapy session is " + row.status());
		}
		if (!row.heldBy().equals(currentUser.get().username())) {
			throw new AccessDeniedException("Only " + row.heldBy() + ", who holds the session, writes and signs its note");
		}
	}

	private void requirePatient(UUID patientId) {
		patients.find(patientId).orElseThrow(() -> new NotFound("Patient", patientId));
	}

	private Row row(UUID id) {
		return jdbc.sql("SELECT * FROM therapy_session WHERE id = ? AND clinic_id = ?")
			.params(id, currentUser.clinic().value())
			.query(Row.class)
			.optional()
			.orElseThrow(() -> new NotFound(RESOURCE, id));
	}

	private @Nullable SignedNote signed(UUID id) {
		return jdbc.sql("SELECT themes, insights, goals, practice, free_text, content_sha256, signed_by, signed_at FROM therapy_note WHERE session_id = ?")
			.param(id)
			.query(SignedNote.class)
			.optional()
			.orElse(null);
	}

	private List<Addendum> addenda(UUID id) {
		return jdbc.sql("SELECT id, text, added_by, added_at FROM therapy_note_addendum WHERE session_id = ? ORDER BY added_at")
			.param(id)
			.query(Addendum.class)
			.list();
	}

	private static TherapyType type(String code) {
		try {
			return TherapyType.valueOf(code.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException unknown) {
			throw new IllegalArgumentException("must be PREPARATION or INTEGRATION");
		}
	}

	private static Instant parse(String start) {
		try {
			return OffsetDateTime.parse(start.strip()).toInstant();
		}
		catch (DateTimeParseException notATime) {
			throw new IllegalArgumentException("must be an ISO-8601 date-time with an offset, e.g. 2027-03-01T10:00:00Z");
		}
	}

	private static void length(FieldChecks checks, String field, @Nullable String value, int max) {
		if (value != null) {
			checks.rule(value.strip().length() <= max, field, "must be at most " + max + " characters");
		}
	}

	private static @Nullable String stripped(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static String text(@Nullable String value) {
		return value == null ? "" : value;
	}
}
