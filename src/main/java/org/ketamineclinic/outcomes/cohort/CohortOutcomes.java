package org.ketamineclinic.outcomes.cohort;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.assessment.Instrument;
import org.ketamineclinic.evaluation.Route;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Each course judged on each outcome scale, stored so that a cohort is read as one row per course.
 * Refreshed per patient by the listeners (under a per-patient lock, so two events of one patient
 * handled at once cannot leave a judgement that misses one of them) and rebuilt per clinic on demand.
 */
@Component
class CohortOutcomes {

	private static final String UPSERT = """
			INSERT INTO outcomes_cohort_outcome (course_id, instrument, clinic_id, start_date, route, protocol, treated, sessions,
			  induction_complete, last_session, baseline, end_of_induction, responder, remitter, days_to_response, weeks_in_response,
			  relapsed, dose_band, indication, stopped_on)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (course_id, instrument) DO UPDATE SET treated = excluded.treated, sessions = excluded.sessions,
			  induction_complete = excluded.induction_complete, last_session = excluded.last_session, baseline = excluded.baseline,
			  end_of_induction = excluded.end_of_induction, responder = excluded.responder, remitter = excluded.remitter,
			  days_to_response = excluded.days_to_response, weeks_in_response = excluded.weeks_in_response,
			  relapsed = excluded.relapsed, dose_band = excluded.dose_band, indication = excluded.indication,
			  stopped_on = excluded.stopped_on""";

	private final JdbcTemplate jdbc;

	private final CohortReadModel readModel;

	CohortOutcomes(JdbcTemplate jdbc, CohortReadModel readModel) {
		this.jdbc = jdbc;
		this.readModel = readModel;
	}

	/** Key of the lock a rebuild holds exclusively and every listener shares. */
	private static final long REBUILD_LOCK = 0x6f7574636f6d6573L;

	/**
	 * Call first in a listener's transaction: later events of the patient wait until this one
	 * commits, and a rebuild waits for it (or it for the rebuild).
	 */
	void lockPatient(UUID patientId) {
		jdbc.queryForObject("SELECT pg_advisory_xact_lock_shared(?)", Object.class, REBUILD_LOCK);
		jdbc.queryForObject("SELECT pg_advisory_xact_lock(?)", Object.class,
				patientId.getMostSignificantBits() ^ patientId.getLeastSignificantBits());
	}

	void refresh(UUID clinicId, UUID patientId, ZoneId zone, LocalDate today) {
		store(clinicId, readModel.loadPatient(clinicId, patientId, zone), today);
	}

	/** Judges every course of the clinic again, e.g. after a rule changed or for data loaded in bulk; returns the count. */
	int rebuild(UUID clinicId, ZoneId zone, LocalDate today) {
		// Must run in a transaction: no listener stores a row between this read and the writes.
		jdbc.queryForObject("SELECT pg_advisory_xact_lock(?)", Object.class, REBUILD_LOCK);
		CohortReadModel.Cohort cohort = readModel.load(
				new CohortReadModel.Filter(clinicId, LocalDate.of(1900, 1, 1), LocalDate.of(9999, 12, 31), null, null, null), zone, java.util.Set.of());
		return store(clinicId, cohort, today);
	}

	private int store(UUID clinicId, CohortReadModel.Cohort cohort, LocalDate today) {
		List<Object[]> rows = new ArrayList<>();
		for (CohortReadModel.CourseRow row : cohort.courses()) {
			List<CohortAnalysis.Session> sessions = CohortReadModel.sessionsOf(row, cohort.sessions());
			for (Instrument scale : CohortReadModel.OUTCOME_SCALES) {
				CohortAnalysis.CourseOutcome o = CohortAnalysis.judge(row.course(), sessions,
						CohortReadModel.ratingsOf(row, cohort.ratings(), scale), scale, today);
				CohortAnalysis.Course c = row.course();
				rows.add(new Object[] { c.courseId(), scale.name(), clinicId, Date.valueOf(c.startDate()), c.route().name(), c.protocol(),
						o.treated(), o.sessions(), o.inductionComplete(), o.lastSession() == null ? null : Date.valueOf(o.lastSession()),
						o.baseline(), o.endOfInduction(), o.responder(), o.remitter(), o.daysToResponse(), o.weeksInResponse(), o.relapsed(),
						o.doseBand(), c.indication(), c.stoppedOn() == null ? null : Date.valueOf(c.stoppedOn()) });
			}
		}
		for (int i = 0; i < rows.size(); i += 1000) {
			jdbc.batchUpdate(UPSERT, rows.subList(i, Math.min(rows.size(), i + 1000)));
		}
		return cohort.courses().size();
	}

	/** The judged courses of a cohort on one scale, with dropout as of {@code today}. */
	List<CohortAnalysis.CourseOutcome> read(CohortReadModel.Filter filter, Instrument scale, LocalDate today) {
		String route = filter.route() == null ? null : filter.route().name();
		return jdbc.query("""
				SELECT * FROM outcomes_cohort_outcome WHERE clinic_id = ? AND instrument = ? AND start_date BETWEEN ? AND ?
				AND (CAST(? AS VARCHAR) IS NULL OR route = ?) AND (CAST(? AS VARCHAR) IS NULL OR protocol = ?)
				AND (CAST(? AS VARCHAR) IS NULL OR indication = ?)""",
				(rs, i) -> outcome(rs, today), filter.clinicId(), scale.name(), Date.valueOf(filter.from()), Date.valueOf(filter.to()),
				route, route, filter.protocol(), filter.protocol(), filter.indication(), filter.indication());
	}

	/** The contract's counts in one aggregate over the judged courses. */
	int[] counts(CohortReadModel.Filter filter, Instrument scale) {
		String route = filter.route() == null ? null : filter.route().name();
		return jdbc.queryForObject("""
				SELECT count(*), count(baseline), count(*) FILTER (WHERE baseline IS NOT NULL AND responder),
				  count(*) FILTER (WHERE baseline IS NOT NULL AND remitter)
				FROM outcomes_cohort_outcome WHERE clinic_id = ? AND instrument = ? AND start_date BETWEEN ? AND ?
				AND (CAST(? AS VARCHAR) IS NULL OR route = ?) AND (CAST(? AS VARCHAR) IS NULL OR protocol = ?)
				AND (CAST(? AS VARCHAR) IS NULL OR indication = ?)""",
				(rs, i) -> new int[] { rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4) }, filter.clinicId(), scale.name(),
				Date.valueOf(filter.from()), Date.valueOf(filter.to()), route, route, filter.protocol(), filter.protocol(),
				filter.indication(), filter.indication());
	}

	private static CohortAnalysis.CourseOutcome outcome(ResultSet rs, LocalDate today) throws SQLException {
		CohortAnalysis.Course course = new CohortAnalysis.Course(rs.getObject("course_id", UUID.class), new UUID(0, 0),
				rs.getString("protocol"), Route.valueOf(rs.getString("route")), rs.getDate("start_date").toLocalDate(), null, null,
				rs.getString("indication"), day(rs.getDate("stopped_on")));
		boolean complete = rs.getBoolean("induction_complete");
		LocalDate last = day(rs.getDate("last_session"));
		return new CohortAnalysis.CourseOutcome(course, rs.getBoolean("treated"), rs.getInt("sessions"), complete,
				integer(rs, "baseline"), integer(rs, "end_of_induction"), rs.getBoolean("responder"), rs.getBoolean("remitter"),
				longValue(rs, "days_to_response"), longValue(rs, "weeks_in_response"), rs.getBoolean("relapsed"),
				CohortAnalysis.dropout(course, complete, last, today), rs.getString("dose_band"), last);
	}

	private static @Nullable LocalDate day(@Nullable Date date) {
		return date == null ? null : date.toLocalDate();
	}

	private static @Nullable Integer integer(ResultSet rs, String column) throws SQLException {
		int value = rs.getInt(column);
		return rs.wasNull() ? null : value;
	}

	private static @Nullable Long longValue(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}
}
