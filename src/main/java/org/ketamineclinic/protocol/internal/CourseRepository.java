package org.ketamineclinic.protocol.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface CourseRepository extends JpaRepository<TreatmentCourse, UUID> {

	Optional<TreatmentCourse> findByClinicIdAndId(UUID clinicId, UUID id);

	List<TreatmentCourse> findByClinicIdAndPatientIdOrderByCreatedAtDesc(UUID clinicId, UUID patientId);
}
