package org.ketamineclinic.outcomes.cohort;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.assessment.AssessmentRecorded;
import org.ketamineclinic.identity.ClinicId;
import org.ketamineclinic.identity.Role;
import org.ketamineclinic.platform.ClinicTimeZone;
import org.ketamineclinic.identity.RunAs;
import org.ketamineclinic.patient.PatientRegistry;
import org.ketamineclinic.protocol.CourseStarted;
import org.ketamineclinic.protocol.CourseStopped;
import org.ketamineclinic.protocol.TreatmentCourses;
import org.ketamineclinic.session.DoseAdministered;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Fills the outcomes read model from other modules' public events, after their transactions
 * commit. Every insert ignores a row it already has, so a re-delivered event changes nothing.
 */
@Component
class CohortProjection {

	private static final Logger log = LoggerFactory.getLogger(CohortProjection.class);

	private static final String ACTOR = "outcomes analytics";

	private final JdbcTemplate jdbc;

	private final PatientRegistry patients;

	private final TreatmentCourses courses;

	private final Clock clock;

	private final CohortOutcomes outcomes;

	private final ClinicTimeZone zone;

	CohortProjection(JdbcTemplate jdbc, PatientRegistry patients, TreatmentCourses courses, Clock clock, CohortOutcomes outcomes,
			ClinicTimeZone zone) {
		this.jdbc = jdbc;
		this.patients = patients;
		this.courses = courses;
		this.clock = clock;
		this.outcomes = outcomes;
		this.zone = zone;
	}

	/** The patient's courses judged again with the row just stored. */
	private void refresh(ClinicId clinic, UUID patientId) {
		outcomes.refresh(clinic.value(), patientId, zone.zone(), LocalDate.now(clock.withZone(zone.zone())));
	}

	/**
	 * Keeps the course with a snapshot of the patient's birth date, sex and latest weight, and the
	 * course's planned induction count: read once through the public APIs as a system actor (those
	 * reads are audited like any other).
	 */
	@ApplicationModuleListener
	void on(CourseStarted started) {
		outcomes.lockPatient(started.patientId());
		Snapshot snapshot = RunAs.systemActor(started.clinicId(), ACTOR, Role.PHYSICIAN, () -> snapshot(started));
		jdbc.update("""
				INSERT INTO outcomes_cohort_course (course_id, clinic_id, patient_id, protocol, route, start_date, induction_sessions,
				  birth_date, sex_at_birth, weight_kg, recorded_at, indication)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (course_id) DO NOTHING""", started.courseId(),
				started.clinicId().value(), started.patientId(), started.protocol(), started.route().name(), started.startDate(),
				snapshot.inductionSessions(), snapshot.birthDate(), snapshot.sex(), snapshot.weightKg(),
				Timestamp.from(clock.instant()), started.indication() == null ? null : started.indication().name());
		refresh(started.clinicId(), started.patientId());
	}

	/** A physician stopped the course: short of its induction it is a dropout from that day. */
	@ApplicationModuleListener
	void on(CourseStopped stopped) {
		outcomes.lockPatient(stopped.patientId());
		jdbc.update("UPDATE outcomes_cohort_course SET stopped_on = ? WHERE course_id = ?",
				java.sql.Date.valueOf(stopped.stoppedAt().atZone(zone.zone()).toLocalDate()), stopped.courseId());
		refresh(stopped.clinicId(), stopped.patientId());
	}

	@ApplicationModuleListener
	void on(DoseAdministered dose) {
		outcomes.lockPatient(dose.patientId());
		jdbc.update("""
				INSERT INTO outcomes_cohort_dose (session_id, device_number, clinic_id, patient_id, route, dose_mg, given_at)
				VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""", dose.sessionId(),
				dose.deviceNumber() == null ? 0 : dose.deviceNumber(), dose.clinicId().value(), dose.patientId(), dose.route().name(),
				dose.doseMg(), Timestamp.from(dose.startedAt()));
		refresh(dose.clinicId(), dose.patientId());
	}

	@ApplicationModuleListener
	void on(AssessmentRecorded recorded) {
		if (recorded.total() == null || !CohortReadModel.OUTCOME_SCALES.contains(recorded.instrument())) {
			return;
		}
		outcomes.lockPatient(recorded.patientId());
		jdbc.update("""
				INSERT INTO outcomes_cohort_rating (assessment_id, clinic_id, patient_id, instrument, total, completed_at)
				VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""", recorded.assessmentId(), recorded.clinicId().value(),
				recorded.patientId(), recorded.instrument().name(), recorded.total(), Timestamp.from(recorded.completedAt()));
		refresh(recorded.clinicId(), recorded.patientId());
	}

	private Snapshot snapshot(CourseStarted started) {
		LocalDate birthDate = null;
		String sex = null;
		BigDecimal weight = null;
		Integer induction = null;
		try {
			Optional<PatientRegistry.PatientSummary> patient = patients.find(started.patientId());
			if (patient.isPresent()) {
				birthDate = patient.get().birthDate();
				sex = patient.get().sexAtBirth().name();
			}
			weight = patients.clinicalHistory(started.patientId()).map(PatientRegistry.ClinicalHistory::weightKg).orElse(null);
			induction = courses.outline(started.courseId())
				.map(c -> (int) c.sessions().stream().filter(s -> "INDUCTION".equals(s.phase())).count())
				.filter(n -> n > 0)
				.orElse(null);
		}
		catch (RuntimeException e) {
			// The course still counts; its age, sex, weight or induction count stay unknown.
			log.warn("Course {} kept without its patient snapshot: {}", started.courseId(), e.getClass().getSimpleName());
		}
		return new Snapshot(birthDate, sex, weight, induction);
	}

	private record Snapshot(@Nullable LocalDate birthDate, @Nullable String sex, @Nullable BigDecimal weightKg,
			@Nullable Integer inductionSessions) {
	}

}
