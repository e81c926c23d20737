package org.ketamineclinic.assessment.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface RiskAlerts extends JpaRepository<RiskAlert, UUID> {

	Optional<RiskAlert> findByClinicIdAndId(UUID clinicId, UUID id);

	List<RiskAlert> findByClinicIdAndAcknowledgedAtIsNullOrderByRaisedAtAsc(UUID clinicId);

	List<RiskAlert> findByAcknowledgedAtIsNullAndEscalatedAtIsNull();

	List<RiskAlert> findByClinicIdAndPatientIdOrderByRaisedAtDesc(UUID clinicId, UUID patientId);
}
