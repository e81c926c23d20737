package org.ketamineclinic.patient.internal;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;
import org.ketamineclinic.patient.CodeSystem;

/** A diagnosis coded in ICD-10-CM or SNOMED CT. */
@Entity
@Table(name = "patient_condition")
class Condition extends ClinicalEntry {

	private String code;

	@Enumerated(EnumType.STRING)
	@Column(name = "code_system")
	private CodeSystem system;

	private @Nullable String display;

	private @Nullable LocalDate onsetDate;

	protected Condition() {
	}

	Condition(Patient patient, String code, CodeSystem system, @Nullable String display, @Nullable LocalDate onsetDate,
			Instant now, String by) {
		super(patient, now, by);
		if (!system.accepts(code)) {
			throw new IllegalArgumentException("is not a well-formed " + system + " code");
		}
		this.code = code;
		this.system = system;
		this.display = display;
		this.onsetDate = onsetDate;
	}

	String code() {
		return code;
	}

	CodeSystem system() {
		return system;
	}

	@Nullable String display() {
		return display;
	}

	@Nullable LocalDate onsetDate() {
		return onsetDate;
	}
}
