package org.ketamineclinic.assessment.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.assessment.AssessmentRecorded;
import org.ketamineclinic.assessment.Instrument;
import org.ketamineclinic.audit.AuditAction;
import org.ketamineclinic.audit.AuditTrail;
import org.ketamineclinic.identity.ClinicId;
import org.ketamineclinic.identity.ClinicUser;
import org.ketamineclinic.identity.CurrentUser;
import org.ketamineclinic.identity.Role;
import org.ketamineclinic.identity.RunAs;
import org.ketamineclinic.notification.Notifications;
import org.ketamineclinic.patient.PatientRegistry;
import org.ketamineclinic.patient.PatientRegistry.PatientSummary;
import org.ketamineclinic.platform.Codes;
import org.ketamineclinic.platform.FieldChecks;
import org.ketamineclinic.platform.NotFound;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Recurring measures the care team assigns, patient reminders, and the overdue list. */
@Service
@Transactional
class MeasureScheduleService {

	static final String REMINDER_ACTOR = "measure-reminders";

	record Assignment(@Nullable String instrument, @Nullable Integer everyDays, @Nullable Integer hoursAfterSession,
			@Nullable Instant firstDueAt) {
	}

	record ScheduleView(UUID id, UUID patientId, Instrument instrument, @Nullable Integer everyDays,
			@Nullable Integer hoursAfterSession, @Nullable Instant nextDueAt, boolean due, boolean overdue, String createdBy) {
	}

	record OverdueView(UUID scheduleId, UUID patientId, String patientName, String mrn, Instrument instrument,
			Instant dueAt) {
	}

	private final MeasureSchedules schedules;
	private final AssessmentService assessments;
	private final PatientRegistry patients;
	private final Notifications notifications;
	private final CurrentUser currentUser;
	private final AuditTrail audit;
	private final Clock clock;
	private final String baseUrl;

	MeasureScheduleService(MeasureSchedules schedules, AssessmentService assessments, PatientRegistry patients,
			Notifications notifications, CurrentUser currentUser, AuditTrail audit, Clock clock,
			@Value("${clinic.base-url}") String baseUrl) {
		this.schedules = schedules;
		this.assessments = assessments;
		this.patients = patients;
		this.notifications = notifications;
		this.currentUser = currentUser;
		this.audit = audit;
		this.clock = clock;
		this.baseUrl = baseUrl;
	}

	@PreAuthorize("hasAnyRole('PHYSICIAN','NURSE','THERAPIST')")
	ScheduleView assign(UUID patientId, Assignment assignment) {
		ClinicUser user = currentUser.get();
		FieldChecks checks = new FieldChecks();
		Instrument instrument = checks.check("instrument", () -> Codes.parse(Instrument.class, assignment.instrument()));
		if (instrument != null) {
			checks.rule(assessments.scale(instrument).selfReport(), "instrument", "patients can only be asked for self-report scales");
		}
		checks.rule(assignment.everyDays() != null || assignment.hoursAfterSession() != null, "everyDays",
				"give every-days, hours-after-session or both")
			.rule(assignment.everyDays() == null || (assignment.everyDays() >= 1 && assignment.everyDays() <= 365), "everyDays",
					"must be 1 to 365")
			.rule(assignment.hoursAfterSession() == null
					|| (assignment.hoursAfterSession() >= 1 && assignment.hoursAfterSession() <= 336), "hoursAfterSession",
					"must be 1 to 336")
			.throwIfAny();
		PatientSummary patient = visible(patientId);
		Instant now = clock.instant();
		MeasureSchedule schedule = schedules.save(new MeasureSchedule(user.clinicId().value(), patient.id(), instrument,
				assignment.everyDays(), assignment.hoursAfterSession(),
				assignment.firstDueAt() == null ? now : assignment.firstDueAt(), now, user.username()));
		audit.changed(patient.id(), "MeasureSchedule", schedule.id(), AuditAction.CREATE);
		return view(schedule, now);
	}

	@PreAuthorize("hasAnyRole('PHYSICIAN','NURSE','THERAPIST','PATIENT')")
	List<ScheduleView> forPatient(UUID patientId) {
		PatientSummary patient = visible(patientId);
		Instant now = clock.instant();
		return schedules.findByClinicIdAndPatientIdAndActiveTrue(currentUser.clinic().value(), patient.id()).stream()
			.map(schedule -> view(schedule, now))
			.toList();
	}

	@PreAuthorize("hasAnyRole('PHYSICIAN','NURSE','THERAPIST')")
	void stop(UUID scheduleId) {
		MeasureSchedule schedule = schedules.findByClinicIdAndId(currentUser.clinic().value(), scheduleId)
			.orElseThrow(() -> new NotFound("Measure schedule", scheduleId));
		schedule.stop();
		audit.changed(schedule.patientId(), "MeasureSchedule", schedule.id(), AuditAction.UPDATE);
	}

	/** Measures more than a day past due, the most overdue first. */
	@PreAuthorize("hasAnyRole('PHYSICIAN','NURSE','THERAPIST','FRONT_DESK')")
	List<OverdueView> overdue() {
		Instant now = clock.instant();
		return schedules.findByClinicIdAndActiveTrueOrderByNextDueAtAsc(currentUser.clinic().value()).stream()
			.filter(schedule -> schedule.isOverdue(now))
			.flatMap(schedule -> patients.find(schedule.patientId()).stream()
				.map(p -> new OverdueView(schedule.id(), p.id(), p.familyName() + ", " + p.givenName(), p.mrn(),
						schedule.instrument(), schedule.nextDueAt())))
			.toList();
	}

	@EventListener
	void on(AssessmentRecorded recorded) {
		schedules.findByClinicIdAndPatientIdAndInstrumentAndActiveTrue(recorded.clinicId().value(), recorded.patientId(),
				recorded.instrument()).forEach(schedule -> schedule.completedAt(recorded.completedAt()));
	}

	/** A dosing session ended: post-session measures of the patient fall due. Called by the session capability. */
	void dosingSessionEnded(ClinicId clinic, UUID patientId, Instant endedAt) {
		schedules.findByClinicIdAndPatientIdAndActiveTrue(clinic.value(), patientId)
			.forEach(schedule -> schedule.dosingSessionEndedAt(endedAt));
	}

	/** One email per measure that falls due, with a link to the portal and nothing else. */
	@Scheduled(fixedDelayString = "${clinic.assessment.reminder-interval:60s}")
	public void sendReminders() {
		Instant now = clock.instant();
		for (MeasureSchedule schedule : schedules.findByActiveTrueAndNextDueAtLessThanEqual(now)) {
			if (schedule.needsReminder(now)) {
				ClinicId clinic = new ClinicId(schedule.clinicId());
				String email = RunAs.systemActor(clinic, REMINDER_ACTOR, Role.NURSE,
						() -> patients.find(schedule.patientId()).map(PatientSummary::email).orElse(null));
				if (email != null) {
					notifications.email(clinic, email, "A questionnaire from your clinic is ready",
							"Your care team asks you to complete a short questionnaire. Sign in to your patient portal: "
									+ baseUrl + "/portal\n\nIf you are in crisis, call or text 988 or call 911 now.");
				}
				schedule.reminded();
			}
		}
	}

	private PatientSummary visible(UUID patientId) {
		return patients.find(patientId).filter(p -> !p.voided()).orElseThrow(() -> new NotFound("Patient", patientId));
	}

	private static ScheduleView view(MeasureSchedule s, Instant now) {
		return new ScheduleView(s.id(), s.patientId(), s.instrument(), s.everyDays(), s.hoursAfterSession(), s.nextDueAt(),
				s.isDue(now), s.isOverdue(now), s.createdBy());
	}
}
