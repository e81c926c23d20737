package org.ketamineclinic.assessment.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;
import org.ketamineclinic.platform.Conflict;

/**
 * A patient may be at risk. It stays open until a physician documents what was done, and it
 * escalates to every physician of the clinic when nobody has done so in time.
 */
@Entity
@Table(name = "risk_alert")
class RiskAlert {

	@Id
	private UUID id;

	private UUID clinicId;

	private UUID patientId;

	private UUID assessmentId;

	private String code;

	private @Nullable String level;

	private String message;

	private Instant raisedAt;

	private @Nullable UUID assignedTo;

	private @Nullable Instant escalatedAt;

	private @Nullable Instant acknowledgedAt;

	private @Nullable String acknowledgedBy;

	private @Nullable String action;

	@Version
	private long version;

	protected RiskAlert() {
	}

	RiskAlert(Assessment assessment, UUID clinicId, String code, @Nullable String level, String message, Instant raisedAt,
			@Nullable UUID assignedTo) {
		this.id = UUID.randomUUID();
		this.clinicId = clinicId;
		this.patientId = assessment.patientId();
		this.assessmentId = assessment.id();
		this.code = code;
		this.level = level;
		this.message = message;
		this.raisedAt = raisedAt;
		this.assignedTo = assignedTo;
	}

	void acknowledge(String action, String by, Instant now) {
		if (acknowledgedAt != null) {
			throw new Conflict("This alert was already acknowledged by " + acknowledgedBy);
		}
		this.action = action;
		this.acknowledgedBy = by;
		this.acknowledgedAt = now;
	}

	boolean isDueForEscalation(Instant now, Duration after) {
		return acknowledgedAt == null && escalatedAt == null && !raisedAt.plus(after).isAfter(now);
	}

	void escalate(Instant now) {
		escalatedAt = now;
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

	UUID assessmentId() {
		return assessmentId;
	}

	String code() {
		return code;
	}

	@Nullable String level() {
		return level;
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

	@Nullable Instant escalatedAt() {
		return escalatedAt;
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
