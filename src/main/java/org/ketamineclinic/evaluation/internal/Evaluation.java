package org.ketamineclinic.evaluation.internal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;
import org.ketamineclinic.evaluation.Decision;
import org.ketamineclinic.evaluation.Indication;
import org.ketamineclinic.evaluation.Route;

/**
 * What the rules found for one patient and route at one moment. The findings are kept exactly as
 * shown to the physician who signed, so a later rule change never rewrites a past decision.
 */
@Entity
@Table(name = "evaluation")
class Evaluation {

	@Id
	private UUID id;

	private UUID clinicId;

	private UUID patientId;

	@Enumerated(EnumType.STRING)
	private Route route;

	@Enumerated(EnumType.STRING)
	private Indication indication;

	@Enumerated(EnumType.STRING)
	private Decision decision;

	private int adequateFailedTrials;

	private boolean treatmentResistant;

	/** JSON: the findings as shown. */
	private String findings;

	/** JSON: the facts that were missing. */
	private String missing;

	/** JSON: each trial with its adequacy and reason, for the prior-authorisation summary. */
	private String trials;

	private Instant createdAt;

	private String createdBy;

	private @Nullable Instant outOfDateAt;

	private @Nullable String outOfDateReason;

	@Version
	private long version;

	protected Evaluation() {
	}

	Evaluation(UUID clinicId, UUID patientId, Route route, Indication indication, Decision decision, int adequateFailedTrials,
			boolean treatmentResistant, String findings, String missing, String trials, Instant now, String by) {
		this.id = UUID.randomUUID();
		this.clinicId = clinicId;
		this.patientId = patientId;
		this.route = route;
		this.indication = indication;
		this.decision = decision;
		this.adequateFailedTrials = adequateFailedTrials;
		this.treatmentResistant = treatmentResistant;
		this.findings = findings;
		this.missing = missing;
		this.trials = trials;
		this.createdAt = now;
		this.createdBy = by;
	}

	/** The chart changed after this evaluation: it no longer describes the patient. */
	void markOutOfDate(Instant now, String reason) {
		if (outOfDateAt == null) {
			outOfDateAt = now;
			outOfDateReason = reason;
		}
	}

	boolean isCurrent() {
		return outOfDateAt == null;
	}

	UUID id() {
		return id;
	}

	UUID patientId() {
		return patientId;
	}

	Route route() {
		return route;
	}

	Indication indication() {
		return indication;
	}

	Decision decision() {
		return decision;
	}

	int adequateFailedTrials() {
		return adequateFailedTrials;
	}

	boolean treatmentResistant() {
		return treatmentResistant;
	}

	String findings() {
		return findings;
	}

	String missing() {
		return missing;
	}

	String trials() {
		return trials;
	}

	Instant createdAt() {
		return createdAt;
	}

	String createdBy() {
		return createdBy;
	}

	@Nullable Instant outOfDateAt() {
		return outOfDateAt;
	}

	@Nullable String outOfDateReason() {
		return outOfDateReason;
	}
}
