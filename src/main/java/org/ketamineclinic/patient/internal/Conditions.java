package org.ketamineclinic.patient.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface Conditions extends JpaRepository<Condition, UUID> {

	List<Condition> findByPatientIdAndVoidedAtIsNullOrderByCreatedAtDesc(UUID patientId);
}
