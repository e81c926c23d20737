package org.ketamineclinic.protocol.internal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.jspecify.annotations.Nullable;

/** One recorded decision on a course: append-only (a database trigger refuses changes). */
@Entity
@Immutable
@Table(name = "course_decision")
class CourseDecision {

	enum Kind {
		COURSE_STARTED, TITRATION_CONFIRMED, TITRATION_DISMISSED, DOSE_CHANGED, RESPONSE_CHECK, MAINTENANCE_STARTED,
		MAINTENANCE_FREQUENCY_CHANGED, COURSE_ENDED
	}

	@Id
	private UUID id;

	/** Set by the database (an identity column): keeps decisions in the order they were made. */
	@Column(insertable = false, updatable = false)
	private @Nullable Long seq;

	@ManyToOne(optional = false)
	@JoinColumn(name = "course_id")
	private TreatmentCourse course;

	@Enumerated(EnumType.STRING)
	private Kind kind;

	private int afterSession;

	private @Nullable String ruleId;

	private @Nullable String fromValue;

	private @Nullable String toValue;

	private @Nullable String reason;

	/** JSON for a response check: the instrument, baseline, latest and status shown to the physician. */
	private @Nullable String detail;

	private String decidedBy;

	private Instant decidedAt;

	protected CourseDecision() {
	}

	CourseDecision(TreatmentCourse course, Kind kind, int afterSession, @Nullable String ruleId, @Nullable String fromValue,
			@Nullable String toValue, @Nullable String reason, @Nullable String detail, String decidedBy, Instant decidedAt) {
		this.id = UUID.randomUUID();
		this.course = course;
		this.kind = kind;
		this.afterSession = afterSession;
		this.ruleId = ruleId;
		this.fromValue = fromValue;
		this.toValue = toValue;
		this.reason = reason;
		this.detail = detail;
		this.decidedBy = decidedBy;
		this.decidedAt = decidedAt;
	}

	Kind kind() {
		return kind;
	}

	int afterSession() {
		return afterSession;
	}

	@Nullable String ruleId() {
		return ruleId;
	}

	@Nullable String fromValue() {
		return fromValue;
	}

	@Nullable String toValue() {
		return toValue;
	}

	@Nullable String reason() {
		return reason;
	}

	@Nullable String detail() {
		return detail;
	}

	String decidedBy() {
		return decidedBy;
	}

	Instant decidedAt() {
		return decidedAt;
	}

	boolean isTitration() {
		return kind == Kind.TITRATION_CONFIRMED || kind == Kind.TITRATION_DISMISSED || kind == Kind.DOSE_CHANGED;
	}
}
