package org.ketamineclinic.session.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.ketamineclinic.evaluation.Route;
import org.ketamineclinic.session.SessionStatus;
import org.springframework.data.jpa.repository.JpaRepository;

interface Sessions extends JpaRepository<DosingSession, UUID> {

	Optional<DosingSession> findByClinicIdAndId(UUID clinicId, UUID id);

	List<DosingSession> findByClinicIdAndScheduledStartGreaterThanEqualAndScheduledStartLessThanOrderByScheduledStart(UUID clinicId,
			Instant from, Instant to);

	/** Sessions scheduled before a time whose patient is still in the chair (the board keeps them after midnight). */
	List<DosingSession> findByClinicIdAndStatusInAndScheduledStartLessThanOrderByScheduledStart(UUID clinicId,
			Collection<SessionStatus> statuses, Instant before);

	/** The patient's sessions for the chart's Sessions tab, latest first. */
	List<DosingSession> findByClinicIdAndPatientIdOrderByScheduledStartDesc(UUID clinicId, UUID patientId);

	/** Whether the patient had a dose of this route before {@code before}: the REMS form asks if this was the first treatment. */
	boolean existsByClinicIdAndPatientIdAndRouteAndFirstDoseAtBefore(UUID clinicId, UUID patientId, Route route, Instant before);

	Optional<DosingSession> findByClinicIdAndAppointmentId(UUID clinicId, UUID appointmentId);

	/** A course's sessions in these states; the live ones hold their course session number. */
	List<DosingSession> findByCourseIdAndStatusNotIn(UUID courseId, Collection<SessionStatus> statuses);
}
