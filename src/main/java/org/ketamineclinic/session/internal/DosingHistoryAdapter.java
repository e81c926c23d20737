package org.ketamineclinic.session.internal;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.ketamineclinic.audit.AuditTrail;
import org.ketamineclinic.identity.CurrentUser;
import org.ketamineclinic.session.DosingHistory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Therapists read it too: a trajectory shows them when doses were given, not the session's record. */
@Component
class DosingHistoryAdapter implements DosingHistory {

	private final Sessions sessions;
	private final SessionObservations observations;
	private final CurrentUser currentUser;
	private final AuditTrail audit;

	DosingHistoryAdapter(Sessions sessions, SessionObservations observations, CurrentUser currentUser, AuditTrail audit) {
		this.sessions = sessions;
		this.observations = observations;
		this.currentUser = currentUser;
		this.audit = audit;
	}

	@Override
	@Transactional
	@PreAuthorize("hasAnyRole('PHYSICIAN','NURSE','THERAPIST')")
	public List<DosingRecord> forPatient(UUID patientId) {
		List<DosingRecord> records = sessions.findByClinicIdAndPatientIdOrderByScheduledStartDesc(currentUser.clinic().value(), patientId)
			.stream()
			.filter(s -> s.firstDoseAt() != null)
			.map(s -> new DosingRecord(s.id(), s.courseId(), s.route(), s.status(), s.firstDoseAt(), s.givenDoseMg(),
					observations.adverseEvents(s.id()).stream().map(e -> new Marker(e.onsetAt(), e.type(), e.severity())).toList(),
					observations.alerts(s.id()).stream().map(a -> new Marker(a.raisedAt(), a.code(), a.severity())).toList()))
			.sorted(Comparator.comparing(DosingRecord::firstDoseAt))
			.toList();
		audit.read(patientId, "DosingSession", null);
		return records;
	}
}
