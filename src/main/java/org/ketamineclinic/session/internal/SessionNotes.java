package org.ketamineclinic.session.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.audit.AuditAction;
import org.ketamineclinic.audit.AuditTrail;
import org.ketamineclinic.identity.CurrentUser;
import org.ketamineclinic.platform.ClinicTimeZone;
import org.ketamineclinic.platform.Conflict;
import org.ketamineclinic.platform.InvalidInput;
import org.ketamineclinic.platform.Sha256;
import org.ketamineclinic.session.SessionStatus;
import org.ketamineclinic.session.internal.SessionChildren.Administration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The session note. Until it is signed the note is a draft composed from the session's own data;
 * the clinician signs it (as composed or edited) once the session has ended, and from then on it is
 * locked: a SHA-256 of the text is kept and changes come only as addenda.
 */
@Service
@Transactional
class SessionNotes {

	static final String RESOURCE = "SessionNote";
	static final int MAX_TEXT = 20_000;

	record Addendum(UUID id, String text, String addedBy, Instant addedAt) {
	}

	record Signed(String text, String contentSha256, String signedBy, Instant signedAt) {
	}

	record Note(UUID sessionId, boolean signed, String text, @Nullable String contentSha256, @Nullable String signedBy,
			@Nullable Instant signedAt, List<Addendum> addenda) {
	}

	record TextForm(@Nullable String text) {
	}

	private final SessionService sessions;
	private final SessionObservations observations;
	private final JdbcClient jdbc;
	private final CurrentUser currentUser;
	private final AuditTrail audit;
	private final Clock clock;
	private final ClinicTimeZone zone;

	SessionNotes(SessionService sessions, SessionObservations observations, JdbcClient jdbc, CurrentUser currentUser, AuditTrail audit,
			Clock clock, ClinicTimeZone zone) {
		this.sessions = sessions;
		this.observations = observations;
		this.jdbc = jdbc;
		this.currentUser = currentUser;
		this.audit = audit;
		this.clock = clock;
		this.zone = zone;
	}

	@PreAuthorize("hasAnyRole('PHYSICIAN','NURSE')")
	Note note(UUID sessionId) {
		DosingSession s = sessions.find(sessionId);
		audit.read(s.patientId(), RESOURCE, sessionId);
		Signed signed = signed(sessionId);
		if (signed == null) {
			return new Note(sessionId, false, compose(s), null, null, null, List.of());
		}
		return new Note(sessionId, true, signed.text(), signed.contentSha256(), signed.signedBy(), signed.signedAt(), addenda(sessionId));
	}

	/** Signs the note once the session has ended: the text given (the clinician's edit) or the composed draft. */
	@PreAuthorize("hasAnyRole('PHYSICIAN','NURSE')")
	Note sign(UUID sessionId, TextForm form) {
		DosingSession s = sessions.find(sessionId);
		if (s.status() != SessionStatus.DISCHARGED && s.status() != SessionStatus.ABORTED && s.status() != SessionStatus.CANCELLED) {
			throw new Conflict("The note is signed once the session has ended; it is " + s.status());
		}
		if (signed(sessionId) != null) {
			throw new Conflict("The note is signed and locked: add an addendum instead");
		}
		String text = form.text() == null || form.text().isBlank() ? compose(s) : checked(form.text());
		jdbc.sql("INSERT INTO session_note (session_id, clinic_id, text, content_sha256, signed_by, signed_at) VALUES (?, ?, ?, ?, ?, ?)")
			.params(sessionId, s.clinicId(), text, Sha256.hex(text), currentUser.get().username(), Timestamp.from(clock.instant()))
			.update();
		audit.changed(s.patientId(), RESOURCE, sessionId, AuditAction.CREATE);
		return note(sessionId);
	}

	@PreAuthorize("hasAnyRole('PHYSICIAN','NURSE')")
	Note addendum(UUID sessionId, TextForm form) {
		DosingSession s = sessions.find(sessionId);
		if (signed(sessionId) == null) {
			throw new Conflict("The note is not signed yet: edit it before signing instead");
		}
		if (form.text() == null || form.text().isBlank()) {
			throw new InvalidInput("text", "is required");
		}
		jdbc.sql("INSERT INTO session_note_addendum (id, session_id, clinic_id, text, added_by, added_at) VALUES (?, ?, ?, ?, ?, ?)")
			.params(UUID.randomUUID(), sessionId, s.clinicId(), checked(form.text()), currentUser.get().username(),
					Timestamp.from(clock.instant()))
			.update();
		audit.changed(s.patientId(), RESOURCE, sessionId, AuditAction.UPDATE);
		return note(sessionId);
	}

	/** The draft: what happened, in order, from the session's records; no judgement added. */
	String compose(DosingSession s) {
		ZoneId z = zone.zone();
		DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(z);
		StringBuilder note = new StringBuilder();
		note.append(s.route().label()).append(" session, scheduled ").append(time.format(s.scheduledStart()))
			.append(s.chairId() == null ? "" : ", chair " + s.chairId()).append(". Status: ").append(s.status())
			.append(s.statusReason() == null ? "" : " (" + s.statusReason() + ")").append(".\n");
		if (s.checkedInAt() != null) {
			VitalSigns pre = s.preDoseVitals();
			note.append("Checked in ").append(time.format(s.checkedInAt())).append(" by ").append(s.checkedInBy())
				.append("; escort ").append(s.escortName()).append(" (").append(s.escortPhone()).append(")");
			if (pre != null && pre.hasBloodPressure()) {
				note.append("; pre-dose BP ").append(pre.sbp()).append("/").append(pre.dbp()).append(", HR ").append(pre.hr())
					.append(", SpO2 ").append(pre.spo2()).append("%");
			}
			note.append(".\n");
		}
		for (CheckInRules.Finding f : s.findings()) {
			note.append("Check-in finding ").append(f.ruleId()).append(" (").append(f.severity()).append("): ").append(f.message());
			s.acknowledgementOf(f.ruleId()).ifPresent(a -> note.append(" Acknowledged by ").append(a.acknowledgedBy()).append(": ")
				.append(a.reason()));
			note.append("\n");
		}
		for (Administration a : s.administrations()) {
			note.append("Given ").append(time.format(a.startedAt())).append(": ").append(a.doseMg().stripTrailingZeros().toPlainString())
				.append(" mg, lot ").append(a.lot())
				.append(a.deviceNumber() == null ? "" : ", device " + a.deviceNumber())
				.append(a.durationMinutes() == null ? "" : ", over " + a.durationMinutes() + " minutes")
				.append(", by ").append(a.recordedBy()).append(a.checkedBy() == null ? "" : ", checked by " + a.checkedBy()).append(".\n");
		}
		for (SessionObservations.Vitals v : observations.vitals(s.id())) {
			note.append("Vital signs ").append(time.format(v.takenAt())).append(":")
				.append(v.sbp() == null ? "" : " BP " + v.sbp() + "/" + v.dbp())
				.append(v.hr() == null ? "" : " HR " + v.hr())
				.append(v.spo2() == null ? "" : " SpO2 " + v.spo2() + "%")
				.append(v.rr() == null ? "" : " RR " + v.rr()).append(".\n");
		}
		for (SessionObservations.Alert a : observations.alerts(s.id())) {
			note.append("Alert ").append(time.format(a.raisedAt())).append(" ").append(a.code()).append(" (").append(a.severity())
				.append("): ").append(a.message());
			if (a.acknowledgedBy() != null) {
				note.append(" Acknowledged ").append(time.format(a.acknowledgedAt())).append(" by ").append(a.acknowledgedBy())
					.append("; action: ").append(a.action());
			}
			note.append("\n");
		}
		for (SessionObservations.ScaleScore sc : observations.scores(s.id())) {
			note.append(sc.instrument()).append(" ").append(time.format(sc.completedAt())).append(": ").append(sc.total())
				.append(sc.severity() == null ? "" : " (" + sc.severity() + ")").append(".\n");
		}
		for (SessionObservations.AdverseEvent e : observations.adverseEvents(s.id())) {
			note.append("Side effect ").append(time.format(e.onsetAt())).append(": ").append(e.type()).append(", ")
				.append(e.severity().toLowerCase()).append(e.serious() ? ", serious" : "")
				.append(e.action() == null ? "" : "; action: " + e.action())
				.append(e.outcome() == null ? "" : "; outcome: " + e.outcome()).append(".\n");
		}
		if (s.dischargedAt() != null) {
			note.append("Discharged ").append(time.format(s.dischargedAt())).append(" by ").append(s.dischargedBy())
				.append(" with the escort confirmed")
				.append(s.readyToLeaveAt() == null ? "" : "; ready to leave from " + time.format(s.readyToLeaveAt())).append(".\n");
		}
		return note.toString().strip();
	}

	private static String checked(String text) {
		String stripped = text.strip();
		if (stripped.length() > MAX_TEXT) {
			throw new InvalidInput("text", "must be at most " + MAX_TEXT + " characters");
		}
		return stripped;
	}

	private @Nullable Signed signed(UUID sessionId) {
		return jdbc.sql("SELECT text, content_sha256, signed_by, signed_at FROM session_note WHERE session_id = ?")
			.param(sessionId)
			.query(Signed.class)
			.optional()
			.orElse(null);
	}

	private List<Addendum> addenda(UUID sessionId) {
		return jdbc.sql("SELECT id, text, added_by, added_at FROM session_note_addendum WHERE session_id = ? ORDER BY added_at")
			.param(sessionId)
			.query(Addendum.class)
			.list();
	}
}
