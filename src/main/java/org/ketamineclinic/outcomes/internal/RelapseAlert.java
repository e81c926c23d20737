package org.ketamineclinic.outcomes.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;
import org.ketamineclinic.assessment.Instrument;
import org.ketamineclinic.platform.Conflict;

/**
 * A relapse episode of one patient on one scale, with the earlier maintenance session suggested.
 * It stays open until a physician documents what was done.
 */
@Entity
@Table(name = "relapse_alert")
class RelapseAlert {

	@Id
	private UUID id;

	private UUID clinicId;

	private UUID patientId;

	@Enumerated(EnumType.STRING)
	private Instrument instrument;

	private Instant episodeSince;

	private Instant firstAt;

	private int firstTotal;

	private Instant confirmedAt;

	private int confirmedTotal;

	private @Nullable UUID courseId;

	private @Nullable LocalDate nextPlannedMaintenance;

	private LocalDate suggestedBy;

	private @Nullable Instant suggestedSlot;

	private String message;

	private Instant raisedAt;

	private @Nullable UUID assignedTo;

	private @Nullable Instant acknowledgedAt;

	private @Nullable String acknowledgedBy;

	private @Nullable String action;

	@Version
	private long version;

	protected RelapseAlert() {
	}

	RelapseAlert(UUID clinicId, UUID patientId, RelapseRule.Relapse relapse, @Nullable UUID courseId,
			@Nullable LocalDate nextPlannedMaintenance, LocalDate suggestedBy, @Nullable Instant suggestedSlot, String message,
			Instant raisedAt,
			@Nullable UUID assignedTo) {
		this.id = UUID.randomUUID();
		this.clinicId = clinicId;
		this.patientId = patientId;
		this.instrument = relapse.instrument();
		this.episodeSince = relapse.episodeSince();
		this.firstAt = relapse.firstAt();
		this.firstTotal = relapse.firstTotal();
		this.confirmedAt = relapse.confirmedAt();
		this.confirmedTotal = relapse.confirmedTotal();
		this.courseId = courseId;
		this.nextPlannedMaintenance = nextPlannedMaintenance;
		this.suggestedBy = suggestedBy;
		this.suggestedSlot = suggestedSlot;
		this.message = message;
		this.raisedAt = raisedAt;
		this.assignedTo = assignedTo;
	}

	void acknowledge(String action, String by, Instant now) {
		if (acknowledgedAt != null) {
			throw new Conflict("This relapse alert was already acknowledged by " + acknowledgedBy);
		}
		this.action = action;
		this.acknowledgedBy = by;
		this.acknowledgedAt = now;
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

	Instant episodeSince() {
		return episodeSince;
	}

	Instant firstAt() {
		return firstAt;
	}

	int firstTotal() {
		return firstTotal;
	}

	Instant confirmedAt() {
		return confirmedAt;
	}

	int confirmedTotal() {
		return confirmedTotal;
	}

	@Nullable UUID courseId() {
		return courseId;
	}

	@Nullable LocalDate nextPlannedMaintenance() {
		return nextPlannedMaintenance;
	}

	LocalDate suggestedBy() {
		return suggestedBy;
	}

	@Nullable Instant suggestedSlot() {
		return suggestedSlot;
	}

	String message() {
		return message;
	}

	Instant raisedAt() {
		return raisedAt;
	}

	@Nullable UUID assignedTo() {
		return assignedTo;
	}

	@Nullable Instant acknowledgedAt() {
		return acknowledgedAt;
	}

	@Nullable String acknowledgedBy() {
		return acknowledgedBy;
	}

	@Nullable String action() {
		return action;
	}
}
