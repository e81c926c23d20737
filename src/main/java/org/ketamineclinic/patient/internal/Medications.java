package org.ketamineclinic.patient.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface Medications extends JpaRepository<Medication, UUID> {

	List<Medication> findByPatientIdAndVoidedAtIsNullOrderByCreatedAtDesc(UUID patientId);
}
