package org.ketamineclinic.outcomes.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.ketamineclinic.assessment.Instrument;
import org.springframework.data.jpa.repository.JpaRepository;

interface RelapseAlerts extends JpaRepository<RelapseAlert, UUID> {

	Optional<RelapseAlert> findByClinicIdAndId(UUID clinicId, UUID id);

	List<RelapseAlert> findByClinicIdAndAcknowledgedAtIsNullOrderByRaisedAtAsc(UUID clinicId);

	List<RelapseAlert> findByClinicIdAndPatientIdOrderByRaisedAtDesc(UUID clinicId, UUID patientId);

	boolean existsByPatientIdAndInstrumentAndEpisodeSince(UUID patientId, Instrument instrument, Instant episodeSince);
}
