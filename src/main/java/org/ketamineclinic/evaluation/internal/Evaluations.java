package org.ketamineclinic.evaluation.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface Evaluations extends JpaRepository<Evaluation, UUID> {

	Optional<Evaluation> findByClinicIdAndId(UUID clinicId, UUID id);

	List<Evaluation> findByClinicIdAndPatientIdOrderByCreatedAtDesc(UUID clinicId, UUID patientId);

	List<Evaluation> findByClinicIdAndPatientIdAndOutOfDateAtIsNull(UUID clinicId, UUID patientId);
}
