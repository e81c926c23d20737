package org.ketamineclinic.outcomes.cohort;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.assessment.Instrument;
import org.ketamineclinic.evaluation.Route;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the outcomes read model for one clinic: courses started in a period with each patient's
 * sessions and ratings as clinic-local days. Shared by the analytics and the research export.
 */
@Component
public class CohortReadModel {

	public static final Set<Instrument> OUTCOME_SCALES = Set.of(Instrument.MADRS, Instrument.QIDS_SR16, Instrument.PHQ9);

	private final JdbcTemplate jdbc;

	CohortReadModel(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** @param indication TRD, MDSI or OTHER; null for every course */
	public record Filter(UUID clinicId, LocalDate from, LocalDate to, @Nullable Route route, @Nullable String protocol,
			@Nullable String indication) {
	}

	/** A course with what is known of its patient, and the start of the patient's next course (its sessions end there). */
	public record CourseRow(CohortAnalysis.Course course, @Nullable LocalDate nextStart, @Nullable LocalDate birthDate,
			@Nullable String sexAtBirth) {
	}

	public record PatientRating(Instrument instrument, LocalDate day, int total) {
	}

	public record Cohort(List<CourseRow> courses, Map<UUID, List<CohortAnalysis.Session>> sessions,
			Map<UUID, List<PatientRating>> ratings) {
	}

	private static final String COURSES = """
			SELECT * FROM (
			  SELECT c.*, lead(start_date) OVER (PARTITION BY patient_id ORDER BY start_date, recorded_at) AS next_start
			  FROM outcomes_cohort_course c WHERE clinic_id = ?) x
			WHERE start_date BETWEEN ? AND ? AND (CAST(? AS VARCHAR) IS NULL OR route = ?) AND (CAST(? AS VARCHAR) IS NULL OR protocol = ?)
			AND (CAST(? AS VARCHAR) IS NULL OR indication = ?)""";

	private static final String PATIENTS = """
			SELECT DISTINCT patient_id FROM outcomes_cohort_course WHERE clinic_id = ? AND start_date BETWEEN ? AND ?
			AND (CAST(? AS VARCHAR) IS NULL OR route = ?) AND (CAST(? AS VARCHAR) IS NULL OR protocol = ?)
			AND (CAST(? AS VARCHAR) IS NULL OR indication = ?)""";

	/** The cohort with ratings of the given scales only (all outcome scales when empty). */
	public Cohort load(Filter filter, ZoneId zone, Set<Instrument> scales) {
		String route = filter.route() == null ? null : filter.route().name();
		Object[] where = { filter.clinicId(), Date.valueOf(filter.from()), Date.valueOf(filter.to()), route, route,
				filter.protocol(), filter.protocol(), filter.indication(), filter.indication() };
		List<CourseRow> courses = jdbc.query(COURSES, (rs, i) -> courseRow(rs), where);
		Map<UUID, List<CohortAnalysis.Session>> sessions = new HashMap<>();
		Map<UUID, List<PatientRating>> ratings = new HashMap<>();
		if (courses.isEmpty()) {
			return new Cohort(courses, sessions, ratings);
		}
		Object[] sessionArgs = concat(new Object[] { zone.getId(), filter.clinicId() }, where);
		jdbc.query("SELECT patient_id, CAST(min(given_at) AT TIME ZONE ? AS DATE) AS day, sum(dose_mg) AS dose_mg"
				+ " FROM outcomes_cohort_dose WHERE clinic_id = ? AND patient_id IN (" + PATIENTS + ") GROUP BY session_id, patient_id",
				rs -> {
					sessions.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
						.add(new CohortAnalysis.Session(rs.getDate(2).toLocalDate(), rs.getBigDecimal(3)));
				}, sessionArgs);
		List<String> names = (scales.isEmpty() ? OUTCOME_SCALES : scales).stream().map(Instrument::name).toList();
		Object[] ratingArgs = concat(new Object[] { zone.getId(), filter.clinicId(), names.toArray(new String[0]) }, where);
		jdbc.query("SELECT patient_id, instrument, CAST(completed_at AT TIME ZONE ? AS DATE), total FROM outcomes_cohort_rating"
				+ " WHERE clinic_id = ? AND instrument = ANY (?) AND patient_id IN (" + PATIENTS + ")", rs -> {
					ratings.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
						.add(new PatientRating(Instrument.valueOf(rs.getString(2)), rs.getDate(3).toLocalDate(), rs.getInt(4)));
				}, ratingArgs);
		return new Cohort(courses, sessions, ratings);
	}

	/** One patient's courses, sessions and ratings on every outcome scale: what refreshing their judged outcomes needs. */
	public Cohort loadPatient(UUID clinicId, UUID patientId, ZoneId zone) {
		List<CourseRow> courses = jdbc.query("SELECT c.*, lead(start_date) OVER (ORDER BY start_date, recorded_at) AS next_start"
				+ " FROM outcomes_cohort_course c WHERE clinic_id = ? AND patient_id = ?", (rs, i) -> courseRow(rs), clinicId, patientId);
		Map<UUID, List<CohortAnalysis.Session>> sessions = new HashMap<>();
		Map<UUID, List<PatientRating>> ratings = new HashMap<>();
		jdbc.query("SELECT patient_id, CAST(min(given_at) AT TIME ZONE ? AS DATE) AS day, sum(dose_mg) AS dose_mg"
				+ " FROM outcomes_cohort_dose WHERE clinic_id = ? AND patient_id = ? GROUP BY session_id, patient_id", rs -> {
					sessions.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
						.add(new CohortAnalysis.Session(rs.getDate(2).toLocalDate(), rs.getBigDecimal(3)));
				}, zone.getId(), clinicId, patientId);
		jdbc.query("SELECT patient_id, instrument, CAST(completed_at AT TIME ZONE ? AS DATE), total FROM outcomes_cohort_rating"
				+ " WHERE clinic_id = ? AND patient_id = ?", rs -> {
					ratings.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
						.add(new PatientRating(Instrument.valueOf(rs.getString(2)), rs.getDate(3).toLocalDate(), rs.getInt(4)));
				}, zone.getId(), clinicId, patientId);
		return new Cohort(courses, sessions, ratings);
	}

	private static CourseRow courseRow(java.sql.ResultSet rs) throws java.sql.SQLException {
		Date next = rs.getDate("next_start");
		Date birth = rs.getDate("birth_date");
		Object induction = rs.getObject("induction_sessions");
		return new CourseRow(new CohortAnalysis.Course(rs.getObject("course_id", UUID.class), rs.getObject("patient_id", UUID.class),
				rs.getString("protocol"), Route.valueOf(rs.getString("route")), rs.getDate("start_date").toLocalDate(),
				induction == null ? null : ((Number) induction).intValue(), rs.getBigDecimal("weight_kg"), rs.getString("indication"),
				rs.getDate("stopped_on") == null ? null : rs.getDate("stopped_on").toLocalDate()),
				next == null ? null : next.toLocalDate(), birth == null ? null : birth.toLocalDate(), rs.getString("sex_at_birth"));
	}

	private static Object[] concat(Object[] a, Object[] b) {
		Object[] all = new Object[a.length + b.length];
		System.arraycopy(a, 0, all, 0, a.length);
		System.arraycopy(b, 0, all, a.length, b.length);
		return all;
	}

	/** A course's own sessions: on or after its start and before the patient's next course. */
	public static List<CohortAnalysis.Session> sessionsOf(CourseRow row, Map<UUID, List<CohortAnalysis.Session>> sessions) {
		return sessions.getOrDefault(row.course().patientId(), List.of())
			.stream()
			.filter(s -> !s.day().isBefore(row.course().startDate()) && (row.nextStart() == null || s.day().isBefore(row.nextStart())))
			.toList();
	}

	/** A course's ratings on one scale: any before it (baseline) and those before the patient's next course. */
	public static List<CohortAnalysis.Rating> ratingsOf(CourseRow row, Map<UUID, List<PatientRating>> ratings, Instrument instrument) {
		return ratings.getOrDefault(row.course().patientId(), List.of())
			.stream()
			.filter(r -> r.instrument() == instrument && (row.nextStart() == null || r.day().isBefore(row.nextStart())))
			.map(r -> new CohortAnalysis.Rating(r.day(), r.total()))
			.toList();
	}

}
