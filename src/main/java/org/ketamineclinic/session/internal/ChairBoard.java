package org.ketamineclinic.session.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.evaluation.rules.ClinicPolicy;
import org.ketamineclinic.inventory.ControlledSubstances;
import org.ketamineclinic.audit.AuditTrail;
import org.ketamineclinic.evaluation.Route;
import org.ketamineclinic.patient.PatientRegistry;
import org.ketamineclinic.session.SessionStatus;
import org.ketamineclinic.session.internal.SessionObservations.Vitals;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Today's chairs: every session scheduled today (cancelled ones left out) by chair, with the phase,
 * minutes since the first dose, the last reading, when the next is due, the alerts nobody has
 * acknowledged yet and whether the discharge criteria are met. Audited like any
 * read of patient data, so not a read-only transaction.
 */
@Service
@Transactional
class ChairBoard {

	static final String UNASSIGNED = "UNASSIGNED";

	record Board(Instant at, List<Chair> chairs) {
	}

	record Chair(String chairId, List<Seat> sessions) {
	}

	record Seat(UUID sessionId, UUID patientId, String patientName, Route route, SessionStatus status, Instant scheduledStart,
			@Nullable Long minutesSinceFirstDose, @Nullable Vitals lastVitals, @Nullable Instant nextVitalsDueAt, boolean vitalsOverdue,
			List<SessionService.AlertView> openAlerts, int alertsToday, boolean readyForDischarge, List<String> waitingFor) {
	}

	private final SessionService sessions;
	private final SessionObservations observations;
	private final PatientRegistry patients;
	private final AuditTrail audit;
	private final Clock clock;

	ChairBoard(SessionService sessions, SessionObservations observations, PatientRegistry patients, AuditTrail audit, Clock clock) {
		this.sessions = sessions;
		this.observations = observations;
		this.patients = patients;
		this.audit = audit;
		this.clock = clock;
	}

	@PreAuthorize("hasAnyRole('PHYSICIAN','NURSE','FRONT_DESK')")
	Board today() {
		Instant now = clock.instant();
		Map<String, List<Seat>> chairs = new LinkedHashMap<>();
		ClinicPolicy policy = sessions.policy();
		List<DosingSession> today = sessions.today();
		Map<UUID, ControlledSubstances.Remainder> remainders = sessions.remainders(today);
		for (DosingSession s : today) {
			if (s.status() == SessionStatus.CANCELLED) {
				continue;
			}
			Vitals last = sessions.lastReading(s);
			List<SessionObservations.Alert> alerts = observations.alerts(s.id());
			List<SessionService.AlertView> open = alerts.stream().filter(SessionObservations.Alert::open).map(SessionService::alertView).toList();
			SessionService.Readiness readiness = sessions.readiness(s, now, policy, remainders.get(s.id()));
			Instant due = sessions.nextVitalsDue(s, last, policy.monitoring());
			String name = patients.find(s.patientId()).map(p -> p.givenName() + " " + p.familyName()).orElse("");
			audit.read(s.patientId(), SessionService.RESOURCE, s.id());
			Long minutes = s.firstDoseAt() == null ? null
					: Duration.between(s.firstDoseAt(), s.endedAt() != null ? s.endedAt() : now).toMinutes();
			chairs.computeIfAbsent(s.chairId() == null ? UNASSIGNED : s.chairId(), c -> new ArrayList<>())
				.add(new Seat(s.id(), s.patientId(), name, s.route(), s.status(), s.scheduledStart(), minutes, last, due,
						MonitoringSchedule.overdue(due, now), open, alerts.size(), readiness.ready() && s.status().inChair(),
						readiness.unmet().stream().map(u -> DischargeRules.shortLabel(u.ruleId())).toList()));
		}
		return new Board(now, chairs.entrySet().stream().map(e -> new Chair(e.getKey(), e.getValue())).toList());
	}
}
