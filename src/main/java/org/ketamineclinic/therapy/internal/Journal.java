package org.ketamineclinic.therapy.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.audit.AuditAction;
import org.ketamineclinic.audit.AuditTrail;
import org.ketamineclinic.identity.ClinicUser;
import org.ketamineclinic.identity.CurrentUser;
import org.ketamineclinic.patient.PatientRegistry;
import org.ketamineclinic.platform.ClinicTimeZone;
import org.ketamineclinic.platform.Conflict;
import org.ketamineclinic.platform.FieldChecks;
import org.ketamineclinic.platform.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The patient's own journal. The patient writes, edits and deletes their entries and shares each
 * one with the care team by choice (private by default); physicians and therapists read only the
 * shared ones, and a withdrawn share hides the entry from them again.
 */
@Service
@Transactional
class Journal {

	static final String RESOURCE = "JournalEntry";
	static final int MAX_TEXT = 10_000;

	record EntryForm(@Nullable LocalDate date, @Nullable String text, @Nullable Integer mood, @Nullable Boolean shared) {
	}

	record Entry(UUID id, LocalDate entryDate, String text, @Nullable Integer mood, boolean shared, @Nullable Instant sharedAt,
			Instant createdAt, Instant updatedAt, long version) {
	}

	/** What staff see of a shared entry. */
	record SharedEntry(UUID id, LocalDate entryDate, String text, @Nullable Integer mood, Instant sharedAt) {
	}

	private final JdbcClient jdbc;
	private final CurrentUser currentUser;
	private final PatientRegistry patients;
	private final AuditTrail audit;
	private final Clock clock;
	private final ClinicTimeZone zone;

	Journal(JdbcClient jdbc, CurrentUser currentUser, PatientRegistry patients, AuditTrail audit, Clock clock, ClinicTimeZone zone) {
		this.jdbc = jdbc;
		this.currentUser = currentUser;
		this.patients = patients;
		this.audit = audit;
		this.clock = clock;
		this.zone = zone;
	}

	@PreAuthorize("hasRole('PATIENT')")
	List<Entry> mine() {
		UUID patient = patientId();
		audit.read(patient, RESOURCE, null);
		return jdbc.sql("""
				SELECT id, entry_date, text, mood, shared, shared_at, created_at, updated_at, version FROM journal_entry
				WHERE clinic_id = ? AND patient_id = ? ORDER BY entry_date DESC, created_at DESC""")
			.params(currentUser.clinic().value(), patient)
			.query(Entry.class)
			.list();
	}

	@PreAuthorize("hasRole('PATIENT')")
	Entry write(EntryForm form) {
		UUID patient = patientId();
		check(form);
		Instant now = clock.instant();
		boolean shared = Boolean.TRUE.equals(form.shared());
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO journal_entry (id, clinic_id, patient_id, entry_date, text, mood, shared, shared_at, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, currentUser.clinic().value(), patient, date(form), form.text().strip(), form.mood(), shared,
					shared ? Timestamp.from(now) : null, Timestamp.from(now), Timestamp.from(now))
			.update();
		audit.changed(patient, RESOURCE, id, AuditAction.CREATE);
		return entry(id);
	}

	/** Edits the text, date and mood; sharing is changed only by {@link #share}. */
	@PreAuthorize("hasRole('PATIENT')")
	Entry edit(UUID id, EntryForm form) {
		Entry entry = entry(id);
		check(form);
		jdbc.sql("UPDATE journal_entry SET entry_date = ?, text = ?, mood = ?, updated_at = ?, version = version + 1 WHERE id = ?")
			.params(form.date() == null ? entry.entryDate() : form.date(), form.text().strip(), form.mood(), Timestamp.from(clock.instant()),
					id)
			.update();
		audit.changed(patientId(), RESOURCE, id, AuditAction.UPDATE);
		return entry(id);
	}

	/** Shares the entry with the care team, or withdraws the share: then staff no longer see it. */
	@PreAuthorize("hasRole('PATIENT')")
	Entry share(UUID id, boolean shared) {
		Entry entry = entry(id);
		if (entry.shared() == shared) {
			return entry;
		}
		jdbc.sql("UPDATE journal_entry SET shared = ?, shared_at = ?, updated_at = ?, version = version + 1 WHERE id = ?")
			.params(shared, shared ? Timestamp.from(clock.instant()) : null, Timestamp.from(clock.instant()), id)
			.update();
		audit.changed(patientId(), shared ? "JournalEntryShared" : "JournalEntryShareWithdrawn", id, AuditAction.UPDATE);
		return entry(id);
	}

	@PreAuthorize("hasRole('PATIENT')")
	void delete(UUID id) {
		entry(id);
		jdbc.sql("DELETE FROM journal_entry WHERE id = ?").param(id).update();
		audit.changed(patientId(), RESOURCE, id, AuditAction.VOID);
	}

	/** The entries the patient chose to share; private and withdrawn ones never leave this query. */
	@PreAuthorize("hasAnyRole('PHYSICIAN','THERAPIST')")
	List<SharedEntry> shared(UUID patientId) {
		patients.find(patientId).orElseThrow(() -> new NotFound("Patient", patientId));
		audit.read(patientId, RESOURCE, null);
		return jdbc.sql("""
				SELECT id, entry_date, text, mood, shared_at FROM journal_entry
				WHERE clinic_id = ? AND patient_id = ? AND shared ORDER BY entry_date DESC, created_at DESC""")
			.params(currentUser.clinic().value(), patientId)
			.query(SharedEntry.class)
			.list();
	}

	private Entry entry(UUID id) {
		return jdbc.sql("""
				SELECT id, entry_date, text, mood, shared, shared_at, created_at, updated_at, version FROM journal_entry
				WHERE id = ? AND clinic_id = ? AND patient_id = ?""")
			.params(id, currentUser.clinic().value(), patientId())
			.query(Entry.class)
			.optional()
			.orElseThrow(() -> new NotFound(RESOURCE, id));
	}

	private UUID patientId() {
		ClinicUser user = currentUser.get();
		if (user.patientId() == null) {
			throw new Conflict("This account is not linked to a patient record");
		}
		return user.patientId();
	}

	private LocalDate date(EntryForm form) {
		return form.date() == null ? LocalDate.now(clock.withZone(zone.zone())) : form.date();
	}

	private void check(EntryForm form) {
		FieldChecks checks = new FieldChecks().require("text", form.text());
		if (form.text() != null) {
			checks.rule(form.text().strip().length() <= MAX_TEXT, "text", "must be at most " + MAX_TEXT + " characters");
		}
		if (form.mood() != null) {
			checks.rule(form.mood() >= 0 && form.mood() <= 10, "mood", "must be 0 to 10");
		}
		if (form.date() != null) {
			checks.rule(!form.date().isAfter(LocalDate.now(clock.withZone(zone.zone()))), "date", "cannot be in the future");
		}
		checks.throwIfAny();
	}
}
