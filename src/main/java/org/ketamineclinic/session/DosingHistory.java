package org.ketamineclinic.session;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.evaluation.Route;

/**
 * A patient's dosing sessions with what was given and what happened, for outcomes that draw a
 * trajectory. Scoped to the caller's clinic and audited like the session API.
 */
public interface DosingHistory {

	/** The patient's sessions in which a dose was given, oldest first. */
	List<DosingRecord> forPatient(UUID patientId);

	/**
	 * @param sideEffects the adverse events recorded in the session, severity MILD, MODERATE or SEVERE
	 * @param alerts the session's alerts, severity NOTIFY, URGENT or EMERGENCY
	 */
	record DosingRecord(UUID sessionId, @Nullable UUID courseId, Route route, SessionStatus status, Instant firstDoseAt,
			BigDecimal doseMg, List<Marker> sideEffects, List<Marker> alerts) {
	}

	record Marker(Instant at, String code, String severity) {
	}
}
