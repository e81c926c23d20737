package org.ketamineclinic.therapy.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.ketamineclinic.session.SessionAborted;
import org.ketamineclinic.session.SessionCancelled;
import org.ketamineclinic.session.SessionDischarged;
import org.ketamineclinic.session.SessionPlanned;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * What therapy keeps of the dosing sessions, from the session module's events: enough to link a
 * preparation or integration session to one, and the integration session due after each discharge.
 * Events may arrive in any order, so each one inserts or updates the row.
 */
@Component
class DosingSessionEvents {

	private final JdbcClient jdbc;
	private final TherapySettings settings;

	DosingSessionEvents(JdbcClient jdbc, TherapySettings settings) {
		this.jdbc = jdbc;
		this.settings = settings;
	}

	@ApplicationModuleListener
	void on(SessionPlanned planned) {
		jdbc.sql("""
				INSERT INTO therapy_dosing_session (id, clinic_id, patient_id, route, scheduled_start, status)
				VALUES (?, ?, ?, ?, ?, 'PLANNED')
				ON CONFLICT (id) DO UPDATE SET scheduled_start = EXCLUDED.scheduled_start""")
			.params(planned.sessionId(), planned.clinicId().value(), planned.patientId(), planned.route().name(),
					Timestamp.from(planned.scheduledStart()))
			.update();
	}

	@ApplicationModuleListener
	void on(SessionDischarged discharged) {
		jdbc.sql("""
				INSERT INTO therapy_dosing_session (id, clinic_id, patient_id, route, status, discharged_at)
				VALUES (?, ?, ?, ?, 'DISCHARGED', ?)
				ON CONFLICT (id) DO UPDATE SET status = 'DISCHARGED', discharged_at = EXCLUDED.discharged_at""")
			.params(discharged.sessionId(), discharged.clinicId().value(), discharged.patientId(), discharged.route().name(),
					Timestamp.from(discharged.dischargedAt()))
			.update();
		Instant dueBy = discharged.dischargedAt().plus(Duration.ofHours(settings.integrationDueWithinHours(discharged.clinicId())));
		jdbc.sql("""
				INSERT INTO therapy_integration_due (dosing_session_id, clinic_id, patient_id, discharged_at, due_by)
				VALUES (?, ?, ?, ?, ?) ON CONFLICT (dosing_session_id) DO NOTHING""")
			.params(discharged.sessionId(), discharged.clinicId().value(), discharged.patientId(),
					Timestamp.from(discharged.dischargedAt()), Timestamp.from(dueBy))
			.update();
		// An integration session held (signed) before the discharge was recorded still counts when it falls in the window.
		jdbc.sql("""
				UPDATE therapy_integration_due d SET met_by = t.id, met_at = t.held_at
				FROM therapy_session t
				WHERE d.dosing_session_id = ? AND d.met_by IS NULL AND t.clinic_id = d.clinic_id AND t.patient_id = d.patient_id
				  AND t.type = 'INTEGRATION' AND t.status = 'HELD'
				  AND (t.dosing_session_id = d.dosing_session_id OR t.held_at BETWEEN d.discharged_at AND d.due_by)""")
			.param(discharged.sessionId())
			.update();
	}

	@ApplicationModuleListener
	void on(SessionAborted aborted) {
		status(aborted.sessionId(), aborted.clinicId().value(), aborted.patientId(), "ABORTED");
	}

	@ApplicationModuleListener
	void on(SessionCancelled cancelled) {
		status(cancelled.sessionId(), cancelled.clinicId().value(), cancelled.patientId(), "CANCELLED");
	}

	private void status(java.util.UUID session, java.util.UUID clinic, java.util.UUID patient, String status) {
		jdbc.sql("""
				INSERT INTO therapy_dosing_session (id, clinic_id, patient_id, route, status) VALUES (?, ?, ?, 'UNKNOWN', ?)
				ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status""")
			.params(session, clinic, patient, status)
			.update();
	}
}
