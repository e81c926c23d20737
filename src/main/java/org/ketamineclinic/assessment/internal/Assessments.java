package org.ketamineclinic.assessment.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.ketamineclinic.assessment.Instrument;
import org.springframework.data.jpa.repository.JpaRepository;

interface Assessments extends JpaRepository<Assessment, UUID> {

	List<Assessment> findByClinicIdAndPatientIdAndVoidedAtIsNullOrderByCompletedAtDesc(UUID clinicId, UUID patientId);

	List<Assessment> findByClinicIdAndPatientIdAndInstrumentAndVoidedAtIsNullOrderByCompletedAtAsc(UUID clinicId,
			UUID patientId, Instrument instrument);

	Optional<Assessment> findByClinicIdAndId(UUID clinicId, UUID id);
}
