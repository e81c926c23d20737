package org.ketamineclinic.assessment.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.ketamineclinic.assessment.Instrument;
import org.springframework.data.jpa.repository.JpaRepository;

interface MeasureSchedules extends JpaRepository<MeasureSchedule, UUID> {

	List<MeasureSchedule> findByClinicIdAndPatientIdAndActiveTrue(UUID clinicId, UUID patientId);

	List<MeasureSchedule> findByClinicIdAndPatientIdAndInstrumentAndActiveTrue(UUID clinicId, UUID patientId,
			Instrument instrument);

	List<MeasureSchedule> findByClinicIdAndActiveTrueOrderByNextDueAtAsc(UUID clinicId);

	List<MeasureSchedule> findByActiveTrueAndNextDueAtLessThanEqual(java.time.Instant now);

	Optional<MeasureSchedule> findByClinicIdAndId(UUID clinicId, UUID id);
}
