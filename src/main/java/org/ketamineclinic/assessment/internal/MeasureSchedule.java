package org.ketamineclinic.assessment.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;
import org.ketamineclinic.assessment.Instrument;

/**
 * A measure the care team asks for: every so many days, and/or so many hours after each dosing
 * session. It knows when it is next due and moves on when the patient completes it.
 */
@Entity
@Table(name = "measure_schedule")
class MeasureSchedule {

	/** A completion this long before the due time still counts for it (a patient answering a little early). */
	static final Duration EARLY_ALLOWANCE = Duration.ofDays(1);
	/** Overdue once this much past due: a day's slack before the care team is told. */
	static final Duration OVERDUE_AFTER = Duration.ofDays(1);

	@Id
	private UUID id;

	private UUID clinicId;

	private UUID patientId;

	@Enumerated(EnumType.STRING)
	private Instrument instrument;

	private @Nullable Integer everyDays;

	private @Nullable Integer hoursAfterSession;

	private @Nullable Instant nextDueAt;

	private @Nullable Instant remindedForDueAt;

	private boolean active;

	private Instant createdAt;

	private String createdBy;

	@Version
	private long version;

	protected MeasureSchedule() {
	}

	MeasureSchedule(UUID clinicId, UUID patientId, Instrument instrument, @Nullable Integer everyDays,
			@Nullable Integer hoursAfterSession, Instant firstDue, Instant now, String by) {
		if (everyDays == null && hoursAfterSession == null) {
			throw new IllegalArgumentException("a schedule needs every-days or hours-after-session");
		}
		this.id = UUID.randomUUID();
		this.clinicId = clinicId;
		this.patientId = patientId;
		this.instrument = instrument;
		this.everyDays = everyDays;
		this.hoursAfterSession = hoursAfterSession;
		this.nextDueAt = everyDays == null ? null : firstDue;
		this.active = true;
		this.createdAt = now;
		this.createdBy = by;
	}

	/** The patient completed this instrument at {@code at}: a due measure is done and the next one set. */
	void completedAt(Instant at) {
		if (nextDueAt != null && !at.isBefore(nextDueAt.minus(EARLY_ALLOWANCE))) {
			nextDueAt = everyDays == null ? null : at.plus(Duration.ofDays(everyDays));
		}
	}

	/** A dosing session ended: a post-session measure falls due so many hours later (sooner than a recurring one). */
	void dosingSessionEndedAt(Instant at) {
		if (hoursAfterSession != null) {
			Instant due = at.plus(Duration.ofHours(hoursAfterSession));
			if (nextDueAt == null || due.isBefore(nextDueAt)) {
				nextDueAt = due;
			}
		}
	}

	boolean isDue(Instant now) {
		return active && nextDueAt != null && !nextDueAt.isAfter(now);
	}

	boolean isOverdue(Instant now) {
		return active && nextDueAt != null && nextDueAt.plus(OVERDUE_AFTER).isBefore(now);
	}

	/** True once per due time, so a patient gets one reminder for each measure that falls due. */
	boolean needsReminder(Instant now) {
		return isDue(now) && !nextDueAt.equals(remindedForDueAt);
	}

	void reminded() {
		remindedForDueAt = nextDueAt;
	}

	void stop() {
		active = false;
	}

	UUID id() {
		return id;
	}

	UUID clinicId() {
		return clinicId;
	}

	UUID patientId() {
		return patientId;
	}

	Instrument instrument() {
		return instrument;
	}

	@Nullable Integer everyDays() {
		return everyDays;
	}

	@Nullable Integer hoursAfterSession() {
		return hoursAfterSession;
	}

	@Nullable Instant nextDueAt() {
		return nextDueAt;
	}

	boolean active() {
		return active;
	}

	String createdBy() {
		return createdBy;
	}
}
