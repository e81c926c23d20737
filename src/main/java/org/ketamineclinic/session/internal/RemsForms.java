package org.ketamineclinic.session.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.assessment.Instrument;
import org.ketamineclinic.audit.AuditAction;
import org.ketamineclinic.audit.AuditTrail;
import org.ketamineclinic.evaluation.RemsRegistry;
import org.ketamineclinic.evaluation.rules.ClinicPolicy;
import org.ketamineclinic.evaluation.Route;
import org.ketamineclinic.identity.ClinicId;
import org.ketamineclinic.identity.CurrentUser;
import org.ketamineclinic.patient.MedicationClass;
import org.ketamineclinic.patient.PatientRegistry;
import org.ketamineclinic.patient.PatientRegistry.ClinicalHistory;
import org.ketamineclinic.patient.SexAtBirth;
import org.ketamineclinic.platform.ClinicTimeZone;
import org.ketamineclinic.platform.Conflict;
import org.ketamineclinic.platform.FieldChecks;
import org.ketamineclinic.platform.NotFound;
import org.ketamineclinic.platform.PdfDocuments;
import org.ketamineclinic.session.SessionStatus;
import org.ketamineclinic.session.internal.SessionObservations.Vitals;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The esketamine REMS Patient Monitoring Form (clinical reference section 7), filled from the
 * session's own data once the session has ended. Audited like any read of patient data.
 */
@Service
@Transactional
class RemsForms {

	/** The layout of the form this code fills; a new form from the REMS gets a new version here, kept with each form. */
	static final String TEMPLATE_VERSION = "ESKETAMINE_REMS_PMF_1";
	static final int DUE_WITHIN_DAYS = 7;
	static final String RESOURCE = "RemsMonitoringForm";

	record Patient(String givenName, String familyName, LocalDate birthDate, SexAtBirth sexAtBirth) {
	}

	/** @param nonBenzodiazepineSedativeHypnotics from the chart's current "other CNS depressant" medications */
	record Concomitant(boolean benzodiazepines, boolean nonBenzodiazepineSedativeHypnotics, boolean psychostimulants, boolean maois) {
	}

	/** @param phone null: accounts keep no phone number yet */
	record Clinician(String name, @Nullable String phone, @Nullable String email) {
	}

	record Setting(@Nullable String name, @Nullable String address, @Nullable String remsSettingId) {
	}

	record Pressure(int sbp, int dbp) {
	}

	record BloodPressures(@Nullable Pressure preDose, @Nullable Pressure at40Minutes, @Nullable Pressure beforeDischarge) {
	}

	record Form(UUID sessionId, String templateVersion, Patient patient, boolean firstTreatment, Concomitant concomitant,
			Clinician monitoringClinician, Setting setting, LocalDate treatmentDate, BigDecimal doseMg, String lot,
			long totalMonitoringMinutes, @Nullable Long readyToLeaveMinutes, boolean vitalsAcceptableBeforeDose,
			boolean vitalsAcceptableBeforeDischarge, BloodPressures bloodPressure, boolean sedation, boolean dissociation,
			boolean respiratoryDepression, boolean seriousAdverseEvent, List<String> seriousAdverseEvents, LocalDate dueBy,
			@Nullable Instant submittedAt, @Nullable String submittedBy, @Nullable String confirmationNumber) {
	}

	record SubmissionForm(@Nullable String confirmationNumber, @Nullable Instant submittedAt) {
	}

	record Submission(String templateVersion, String confirmationNumber, Instant submittedAt, String submittedBy) {
	}

	/** An ended esketamine session whose form is not submitted yet. */
	record Due(UUID sessionId, UUID patientId, String patientName, LocalDate treatmentDate, LocalDate dueBy, boolean overdue) {
	}

	record Pending(UUID id, UUID patientId, Instant firstDoseAt) {
	}

	static final Set<String> RESPIRATORY_ALERTS = Set.of(VitalAlertRules.SPO2_CRITICAL, VitalAlertRules.SPO2_LOW_SUSTAINED,
			VitalAlertRules.RESPIRATORY_RATE_LOW);

	private final SessionService service;
	private final Sessions sessions;
	private final SessionObservations observations;
	private final PatientRegistry patients;
	private final RemsRegistry rems;
	private final CurrentUser currentUser;
	private final AuditTrail audit;
	private final ClinicTimeZone zone;
	private final PdfDocuments pdfs;
	private final JdbcClient jdbc;
	private final Clock clock;

	RemsForms(SessionService service, Sessions sessions, SessionObservations observations, PatientRegistry patients, RemsRegistry rems,
			CurrentUser currentUser, AuditTrail audit, ClinicTimeZone zone,
			PdfDocuments pdfs, JdbcClient jdbc, Clock clock) {
		this.pdfs = pdfs;
		this.jdbc = jdbc;
		this.clock = clock;
		this.service = service;
		this.sessions = sessions;
		this.observations = observations;
		this.patients = patients;
		this.rems = rems;
		this.currentUser = currentUser;
		this.audit = audit;
		this.zone = zone;
	}

	@PreAuthorize("hasAnyRole('PHYSICIAN','NURSE')")
	Form form(UUID sessionId) {
		DosingSession s = service.find(sessionId);
		if (s.route() != Route.IN_ESKETAMINE) {
			throw new NotFound(RESOURCE, sessionId);
		}
		Instant first = s.firstDoseAt();
		Instant ended = s.endedAt();
		if (first == null || ended == null || (s.status() != SessionStatus.DISCHARGED && s.status() != SessionStatus.ABORTED)) {
			throw new Conflict("The REMS monitoring form is filled once a session with a dose has ended; this one is " + s.status());
		}
		ClinicalHistory chart = patients.clinicalHistory(s.patientId()).orElseThrow(() -> new NotFound("Patient", s.patientId()));
		audit.read(s.patientId(), RESOURCE, s.id());
		ClinicId clinic = currentUser.clinic();
		ClinicPolicy policy = service.policy();
		Optional<RemsRegistry.Certification> certification = rems.certification(clinic);
		List<Vitals> afterDose = observations.vitals(s.id()).stream()
			.filter(v -> v.sbp() != null && !v.takenAt().isBefore(first) && !v.takenAt().isAfter(ended))
			.toList();
		Instant mark = first.plus(MonitoringSchedule.ESKETAMINE_CHECK_AT);
		Pressure at40 = afterDose.stream()
			.min(Comparator.comparing((Vitals v) -> Duration.between(mark, v.takenAt()).abs()))
			.map(RemsForms::pressure)
			.orElse(null);
		Pressure beforeDischarge = afterDose.isEmpty() ? null : pressure(afterDose.get(afterDose.size() - 1));
		VitalSigns preDose = s.preDoseVitals();
		List<SessionObservations.ScaleScore> scores = observations.scores(s.id());
		List<SessionObservations.AdverseEvent> events = observations.adverseEvents(s.id());
		List<SessionObservations.Alert> alerts = observations.alerts(s.id());
		boolean sedation = scores.stream().anyMatch(x -> x.instrument().equals(Instrument.MOAAS.name()) && x.total() != null
				&& x.total() < DischargeRules.MOAAS_ALERT) || hasEvent(events, AdverseEventType.SEDATION);
		boolean dissociation = scores.stream().anyMatch(x -> x.instrument().equals(Instrument.CADSS.name()) && x.total() != null
				&& x.total() > 0) || hasEvent(events, AdverseEventType.DISSOCIATION);
		boolean respiratory = alerts.stream().anyMatch(a -> RESPIRATORY_ALERTS.contains(a.code()))
				|| hasEvent(events, AdverseEventType.RESPIRATORY_DEPRESSION);
		List<String> serious = events.stream().filter(SessionObservations.AdverseEvent::serious)
			.map(e -> e.type() + " (" + e.severity().toLowerCase() + ")" + (e.outcome() == null ? "" : ": " + e.outcome()))
			.toList();
		boolean acceptableBefore = s.findings().stream().noneMatch(f -> f.ruleId().equals(CheckInRules.BLOOD_PRESSURE));
		// A discharge passed the blood-pressure and breathing criteria; an aborted session is judged on its last reading.
		boolean acceptableAfter = s.status() == SessionStatus.DISCHARGED || (!afterDose.isEmpty()
				&& DischargeRules.safe(afterDose.get(afterDose.size() - 1).signs(), preDose, SessionService.preDoseLimit(s.route(), policy), policy.monitoring()));
		LocalDate treatmentDate = first.atZone(zone.zone()).toLocalDate();
		Submission submission = submission(s.id());
		var p = chart.patient();
		List<MedicationClass> current = chart.medications().stream().filter(PatientRegistry.MedicationEntry::current)
			.map(PatientRegistry.MedicationEntry::medicationClass).filter(c -> c != null).toList();
		return new Form(s.id(), submission == null ? TEMPLATE_VERSION : submission.templateVersion(), new Patient(p.givenName(), p.familyName(), p.birthDate(), p.sexAtBirth()),
				!sessions.existsByClinicIdAndPatientIdAndRouteAndFirstDoseAtBefore(s.clinicId(), s.patientId(), s.route(), first),
				new Concomitant(current.contains(MedicationClass.BENZODIAZEPINE), current.contains(MedicationClass.OTHER_CNS_DEPRESSANT),
						current.contains(MedicationClass.PSYCHOSTIMULANT), current.contains(MedicationClass.MAOI)),
				clinician(s, certification.map(RemsRegistry.Certification::settingPhone).orElse(null)),
				new Setting(certification.map(RemsRegistry.Certification::settingName).orElse(null),
						certification.map(RemsRegistry.Certification::settingAddress).orElse(null),
						certification.map(RemsRegistry.Certification::settingId).orElse(null)),
				treatmentDate, s.givenDoseMg(),
				String.join(", ", s.administrations().stream().map(SessionChildren.Administration::lot).distinct().toList()),
				Duration.between(first, ended).toMinutes(),
				s.readyToLeaveAt() == null ? null : Duration.between(first, s.readyToLeaveAt()).toMinutes(), acceptableBefore,
				acceptableAfter, new BloodPressures(preDose == null || !preDose.hasBloodPressure() ? null : new Pressure(preDose.sbp(), preDose.dbp()),
						at40, beforeDischarge),
				sedation, dissociation, respiratory, !serious.isEmpty(), serious, treatmentDate.plusDays(DUE_WITHIN_DAYS),
				submission == null ? null : submission.submittedAt(), submission == null ? null : submission.submittedBy(),
				submission == null ? null : submission.confirmationNumber());
	}

	/**
	 * Records that the form went to the REMS, once, with the confirmation number and the template
	 * version it was filled in (409 the second time).
	 */
	@PreAuthorize("hasAnyRole('PHYSICIAN','NURSE')")
	Form submit(UUID sessionId, SubmissionForm body) {
		Form form = form(sessionId);
		Instant now = clock.instant();
		Instant at = body.submittedAt() == null ? now : body.submittedAt();
		FieldChecks checks = new FieldChecks().require("confirmationNumber", body.confirmationNumber());
		checks.rule(body.confirmationNumber() == null || body.confirmationNumber().strip().length() <= 100, "confirmationNumber",
				"must be at most 100 characters");
		checks.rule(!at.isAfter(now.plus(SessionService.FUTURE_TOLERANCE)), "submittedAt", "cannot be more than 5 minutes in the future");
		checks.rule(!at.atZone(zone.zone()).toLocalDate().isBefore(form.treatmentDate()), "submittedAt", "cannot be before the treatment");
		checks.throwIfAny();
		if (form.submittedAt() != null) {
			throw new Conflict("The form was already submitted by " + form.submittedBy() + " at " + form.submittedAt());
		}
		DosingSession s = service.find(sessionId);
		jdbc.sql("INSERT INTO rems_form_submission (session_id, clinic_id, template_version, confirmation_number, submitted_at, "
				+ "submitted_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
			.params(sessionId, s.clinicId(), form.templateVersion(), body.confirmationNumber().strip(), Timestamp.from(at),
					currentUser.get().username(), Timestamp.from(now))
			.update();
		audit.changed(s.patientId(), RESOURCE, sessionId, AuditAction.UPDATE);
		return form(sessionId);
	}

	/** Every ended esketamine session of the clinic whose form is not submitted, oldest first: due within 7 days, or overdue. */
	@PreAuthorize("hasAnyRole('PHYSICIAN','NURSE')")
	List<Due> due() {
		LocalDate today = LocalDate.now(clock.withZone(zone.zone()));
		List<Pending> pending = jdbc.sql("SELECT s.id, s.patient_id, s.first_dose_at FROM dosing_session s "
				+ "LEFT JOIN rems_form_submission r ON r.session_id = s.id WHERE s.clinic_id = ? AND s.route = 'IN_ESKETAMINE' "
				+ "AND s.status IN ('DISCHARGED', 'ABORTED') AND s.first_dose_at IS NOT NULL AND r.session_id IS NULL ORDER BY s.first_dose_at")
			.param(currentUser.clinic().value())
			.query(Pending.class)
			.list();
		return pending.stream().map(p -> {
			LocalDate treated = p.firstDoseAt().atZone(zone.zone()).toLocalDate();
			LocalDate dueBy = treated.plusDays(DUE_WITHIN_DAYS);
			String name = patients.find(p.patientId()).map(x -> x.givenName() + " " + x.familyName()).orElse("");
			return new Due(p.id(), p.patientId(), name, treated, dueBy, today.isAfter(dueBy));
		}).toList();
	}

	private @Nullable Submission submission(UUID sessionId) {
		return jdbc.sql("SELECT template_version, confirmation_number, submitted_at, submitted_by FROM rems_form_submission WHERE session_id = ?")
			.param(sessionId)
			.query(Submission.class)
			.optional()
			.orElse(null);
	}

	/** The same form as a printable PDF. */
	@PreAuthorize("hasAnyRole('PHYSICIAN','NURSE')")
	byte[] pdf(UUID sessionId) {
		return pdfs.render("pdf/rems-form", Map.of("form", form(sessionId)));
	}

	/** The clinician who discharged the patient, reached through the certified setting's phone (accounts carry no phone). */
	private Clinician clinician(DosingSession s, @Nullable String settingPhone) {
		UUID userId = s.dischargedByUserId();
		String by = s.dischargedBy();
		return service.clinician(m -> m.userId().equals(userId))
			.map(m -> new Clinician(m.displayName(), settingPhone, m.email()))
			.orElse(new Clinician(by == null ? "" : by, settingPhone, null));
	}

	private static boolean hasEvent(List<SessionObservations.AdverseEvent> events, AdverseEventType type) {
		return events.stream().anyMatch(e -> e.type().equals(type.name()));
	}

	private static Pressure pressure(Vitals v) {
		return new Pressure(v.sbp(), v.dbp());
	}
}
