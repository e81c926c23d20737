package org.ketamineclinic.therapy.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.ketamineclinic.audit.AuditTrail;
import org.ketamineclinic.identity.CurrentUser;
import org.ketamineclinic.patient.PatientRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The integration sessions due after discharges and not yet held: what a therapist works through.
 * Due items are recorded by {@link DosingSessionEvents}; signing an integration note meets them.
 */
@Service
@Transactional
@PreAuthorize("hasAnyRole('PHYSICIAN','THERAPIST')")
class IntegrationDue {

	private record Row(java.util.UUID dosingSessionId, java.util.UUID patientId, Instant dischargedAt, Instant dueBy) {
	}

	record DueItem(java.util.UUID dosingSessionId, java.util.UUID patientId, String patientName, String mrn, Instant dischargedAt,
			Instant dueBy, boolean overdue) {
	}

	private final JdbcClient jdbc;
	private final CurrentUser currentUser;
	private final PatientRegistry patients;
	private final AuditTrail audit;
	private final Clock clock;

	IntegrationDue(JdbcClient jdbc, CurrentUser currentUser, PatientRegistry patients, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.currentUser = currentUser;
		this.patients = patients;
		this.audit = audit;
		this.clock = clock;
	}

	List<DueItem> open() {
		return open(clock.instant());
	}

	/** Open items of the caller's clinic, soonest due first; overdue when {@code now} is past the due time. */
	List<DueItem> open(Instant now) {
		return items(now, null);
	}

	/** One patient's open items, for the chart's Therapy tab. */
	List<DueItem> ofPatient(java.util.UUID patientId) {
		return items(clock.instant(), patientId);
	}

	private List<DueItem> items(Instant now, java.util.@org.jspecify.annotations.Nullable UUID patientId) {
		String select = "SELECT dosing_session_id, patient_id, discharged_at, due_by FROM therapy_integration_due "
				+ "WHERE clinic_id = ? AND met_by IS NULL";
		List<Row> rows = patientId == null
				? jdbc.sql(select + " ORDER BY due_by").param(currentUser.clinic().value()).query(Row.class).list()
				: jdbc.sql(select + " AND patient_id = ? ORDER BY due_by").params(currentUser.clinic().value(), patientId).query(Row.class)
					.list();
		List<DueItem> items = rows.stream()
			.flatMap(r -> patients.find(r.patientId())
				.filter(p -> !p.voided())
				.map(p -> new DueItem(r.dosingSessionId(), r.patientId(), p.givenName() + " " + p.familyName(), p.mrn(), r.dischargedAt(),
						r.dueBy(), now.isAfter(r.dueBy())))
				.stream())
			.toList();
		audit.searched("IntegrationDue", items.size());
		return items;
	}
}
