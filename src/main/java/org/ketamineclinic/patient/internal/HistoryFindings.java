package org.ketamineclinic.patient.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface HistoryFindings extends JpaRepository<HistoryFinding, UUID> {

	List<HistoryFinding> findByPatientIdAndVoidedAtIsNullOrderByCreatedAtDesc(UUID patientId);
}
