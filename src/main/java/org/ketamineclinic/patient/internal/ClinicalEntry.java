package org.ketamineclinic.patient.internal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import org.jspecify.annotations.Nullable;

/** What every entry on a chart carries: its patient and clinic, who recorded it, and a void instead of a delete. */
@MappedSuperclass
abstract class ClinicalEntry {

	@Id
	private UUID id;

	private UUID clinicId;

	private UUID patientId;

	private Instant createdAt;

	private String createdBy;

	private @Nullable Instant voidedAt;

	private @Nullable String voidedBy;

	private @Nullable String voidReason;

	protected ClinicalEntry() {
	}

	protected ClinicalEntry(Patient patient, Instant now, String by) {
		patient.requireActive();
		this.id = UUID.randomUUID();
		this.clinicId = patient.clinicId();
		this.patientId = patient.id();
		this.createdAt = now;
		this.createdBy = by;
	}

	UUID id() {
		return id;
	}

	UUID patientId() {
		return patientId;
	}

	Instant createdAt() {
		return createdAt;
	}

	String createdBy() {
		return createdBy;
	}

	boolean isVoided() {
		return voidedAt != null;
	}
}
