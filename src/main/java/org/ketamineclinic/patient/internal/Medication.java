package org.ketamineclinic.patient.internal;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;
import org.ketamineclinic.patient.MedicationClass;

/** A medication the patient takes or took; its class drives session precautions. */
@Entity
@Table(name = "patient_medication")
class Medication extends ClinicalEntry {

	private String name;

	@Enumerated(EnumType.STRING)
	private @Nullable MedicationClass medicationClass;

	private @Nullable String dose;

	private @Nullable LocalDate startDate;

	private @Nullable LocalDate endDate;

	protected Medication() {
	}

	Medication(Patient patient, String name, @Nullable MedicationClass medicationClass, @Nullable String dose,
			@Nullable LocalDate startDate, @Nullable LocalDate endDate, Instant now, String by) {
		super(patient, now, by);
		if (startDate != null && endDate != null && endDate.isBefore(startDate)) {
			throw new IllegalArgumentException("cannot end before it starts");
		}
		this.name = name;
		this.medicationClass = medicationClass;
		this.dose = dose;
		this.startDate = startDate;
		this.endDate = endDate;
	}

	boolean isCurrentOn(LocalDate day) {
		return (startDate == null || !startDate.isAfter(day)) && (endDate == null || !endDate.isBefore(day));
	}

	String name() {
		return name;
	}

	@Nullable MedicationClass medicationClass() {
		return medicationClass;
	}

	@Nullable String dose() {
		return dose;
	}

	@Nullable LocalDate startDate() {
		return startDate;
	}

	@Nullable LocalDate endDate() {
		return endDate;
	}
}
