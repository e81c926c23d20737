package org.ketamineclinic.patient.internal;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;
import org.ketamineclinic.patient.FindingStatus;
import org.ketamineclinic.patient.HistoryFindingCode;

/** A finding from the medical or psychiatric history that eligibility rules read. */
@Entity
@Table(name = "patient_history_finding")
class HistoryFinding extends ClinicalEntry {

	@Enumerated(EnumType.STRING)
	private HistoryFindingCode finding;

	@Enumerated(EnumType.STRING)
	private FindingStatus status;

	private @Nullable String note;

	protected HistoryFinding() {
	}

	HistoryFinding(Patient patient, HistoryFindingCode finding, FindingStatus status, @Nullable String note, Instant now,
			String by) {
		super(patient, now, by);
		this.finding = finding;
		this.status = status;
		this.note = note;
	}

	HistoryFindingCode finding() {
		return finding;
	}

	FindingStatus status() {
		return status;
	}

	@Nullable String note() {
		return note;
	}
}
