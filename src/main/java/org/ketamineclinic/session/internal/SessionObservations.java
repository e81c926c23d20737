package org.ketamineclinic.session.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What is charted during a session: vital signs, the alerts they raise, scale scores and adverse
 * events. Append-only rows written with plain JDBC, apart from the session row, so two nurses (or a
 * monitor posting every second) never contend for the session's version and nothing is lost.
 */
@Repository
class SessionObservations {

	record Vitals(UUID id, UUID sessionId, Instant takenAt, @Nullable Integer sbp, @Nullable Integer dbp, @Nullable Integer hr,
			@Nullable Integer spo2, @Nullable Integer rr, String recordedBy) {

		VitalSigns signs() {
			return new VitalSigns(sbp, dbp, hr, spo2, rr);
		}
	}

	/** An alert, with its acknowledgement once a nurse or physician has recorded the action taken. */
	record Alert(UUID id, UUID sessionId, String code, String severity, String message, Instant raisedAt, @Nullable UUID sourceId,
			@Nullable String action, @Nullable String acknowledgedBy, @Nullable Instant acknowledgedAt) {

		Alert(UUID id, UUID sessionId, String code, String severity, String message, Instant raisedAt, @Nullable UUID sourceId) {
			this(id, sessionId, code, severity, message, raisedAt, sourceId, null, null, null);
		}

		boolean open() {
			return acknowledgedAt == null;
		}
	}

	record ScaleScore(UUID id, UUID sessionId, UUID assessmentId, String instrument, @Nullable Integer total,
			@Nullable String severity, String flags, Instant completedAt, String recordedBy) {
	}

	record AdverseEvent(UUID id, UUID sessionId, String type, String severity, boolean serious, Instant onsetAt,
			@Nullable String action, @Nullable String outcome, String recordedBy, Instant recordedAt) {
	}

	private final JdbcClient jdbc;

	SessionObservations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(UUID clinicId, Vitals v, Instant now) {
		jdbc.sql("INSERT INTO session_vitals (id, clinic_id, session_id, taken_at, sbp, dbp, hr, spo2, rr, recorded_by, recorded_at) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(v.id(), clinicId, v.sessionId(), ts(v.takenAt()), v.sbp(), v.dbp(), v.hr(), v.spo2(), v.rr(), v.recordedBy(), ts(now))
			.update();
	}

	/** Oldest first. */
	List<Vitals> vitals(UUID sessionId) {
		return jdbc.sql("SELECT id, session_id, taken_at, sbp, dbp, hr, spo2, rr, recorded_by FROM session_vitals "
				+ "WHERE session_id = ? ORDER BY taken_at, recorded_at")
			.param(sessionId)
			.query(Vitals.class)
			.list();
	}

	/**
	 * The latest reading of the session taken from {@code from} up to {@code to} that has the value in
	 * {@code column} (sbp, spo2 or rr), or null: what the discharge criteria and the board need, one
	 * indexed row each instead of the whole chart.
	 */
	@Nullable Vitals latestWith(UUID sessionId, String column, Instant from, Instant to) {
		if (!List.of("sbp", "spo2", "rr", "id").contains(column)) {
			throw new IllegalArgumentException("not a reading column: " + column);
		}
		return jdbc.sql("SELECT id, session_id, taken_at, sbp, dbp, hr, spo2, rr, recorded_by FROM session_vitals WHERE session_id = ? "
				+ "AND taken_at >= ? AND taken_at <= ? AND " + column + " IS NOT NULL ORDER BY taken_at DESC, recorded_at DESC LIMIT 1")
			.params(sessionId, ts(from), ts(to))
			.query(Vitals.class)
			.optional()
			.orElse(null);
	}

	/** The session's latest SpO2 taken at or before {@code at}, for the sustained-low rule; one indexed row, not the whole chart. */
	@Nullable Integer spo2Before(UUID sessionId, Instant at) {
		return jdbc.sql("SELECT spo2 FROM session_vitals WHERE session_id = ? AND taken_at <= ? AND spo2 IS NOT NULL "
				+ "ORDER BY taken_at DESC, recorded_at DESC LIMIT 1")
			.params(sessionId, ts(at))
			.query(Integer.class)
			.optional()
			.orElse(null);
	}

	void add(UUID clinicId, Alert a) {
		jdbc.sql("INSERT INTO session_alert (id, clinic_id, session_id, code, severity, message, raised_at, source_id) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(a.id(), clinicId, a.sessionId(), a.code(), a.severity(), a.message(), ts(a.raisedAt()), a.sourceId())
			.update();
	}

	List<Alert> alerts(UUID sessionId) {
		return jdbc.sql("SELECT a.id, a.session_id, a.code, a.severity, a.message, a.raised_at, a.source_id, k.action, k.acknowledged_by, "
				+ "k.acknowledged_at FROM session_alert a LEFT JOIN session_alert_acknowledgement k ON k.alert_id = a.id "
				+ "WHERE a.session_id = ? ORDER BY a.raised_at")
			.param(sessionId)
			.query(Alert.class)
			.list();
	}

	/** Records the acknowledgement; false when the alert was already acknowledged. */
	boolean acknowledge(UUID clinicId, Alert alert, String action, String by, Instant at) {
		return jdbc.sql("INSERT INTO session_alert_acknowledgement (alert_id, session_id, clinic_id, action, acknowledged_by, acknowledged_at) "
				+ "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (alert_id) DO NOTHING")
			.params(alert.id(), alert.sessionId(), clinicId, action, by, ts(at))
			.update() == 1;
	}

	void add(UUID clinicId, ScaleScore s) {
		jdbc.sql("INSERT INTO session_score (id, clinic_id, session_id, assessment_id, instrument, total, severity, flags, "
				+ "completed_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(s.id(), clinicId, s.sessionId(), s.assessmentId(), s.instrument(), s.total(), s.severity(), s.flags(),
					ts(s.completedAt()), s.recordedBy())
			.update();
	}

	/** Oldest first. */
	List<ScaleScore> scores(UUID sessionId) {
		return jdbc.sql("SELECT id, session_id, assessment_id, instrument, total, severity, flags, completed_at, recorded_by "
				+ "FROM session_score WHERE session_id = ? ORDER BY completed_at")
			.param(sessionId)
			.query(ScaleScore.class)
			.list();
	}

	void add(UUID clinicId, AdverseEvent e) {
		jdbc.sql("INSERT INTO session_adverse_event (id, clinic_id, session_id, type, severity, serious, onset_at, action, outcome, "
				+ "recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(e.id(), clinicId, e.sessionId(), e.type(), e.severity(), e.serious(), ts(e.onsetAt()), e.action(), e.outcome(),
					e.recordedBy(), ts(e.recordedAt()))
			.update();
	}

	List<AdverseEvent> adverseEvents(UUID sessionId) {
		return jdbc.sql("SELECT id, session_id, type, severity, serious, onset_at, action, outcome, recorded_by, recorded_at "
				+ "FROM session_adverse_event WHERE session_id = ? ORDER BY onset_at")
			.param(sessionId)
			.query(AdverseEvent.class)
			.list();
	}

	private static Timestamp ts(Instant instant) {
		return Timestamp.from(instant);
	}
}
