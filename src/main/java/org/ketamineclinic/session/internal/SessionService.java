package org.ketamineclinic.session.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.assessment.Instrument;
import org.ketamineclinic.assessment.SessionMeasures;
import org.ketamineclinic.audit.AuditAction;
import org.ketamineclinic.audit.AuditTrail;
import org.ketamineclinic.evaluation.ApprovedEvaluations;
import org.ketamineclinic.evaluation.Consents;
import org.ketamineclinic.evaluation.CurrentPolicy;
import org.ketamineclinic.evaluation.RemsRegistry;
import org.ketamineclinic.evaluation.Route;
import org.ketamineclinic.inventory.ControlledSubstances;
import org.ketamineclinic.inventory.ControlledSubstances.Remainder;
import org.ketamineclinic.evaluation.rules.BloodPressureLimit;
import org.ketamineclinic.evaluation.rules.ClinicPolicy;
import org.ketamineclinic.evaluation.rules.MonitoringLimits;
import org.ketamineclinic.identity.Accounts;
import org.ketamineclinic.identity.ClinicId;
import org.ketamineclinic.identity.ClinicUser;
import org.ketamineclinic.identity.CurrentUser;
import org.ketamineclinic.identity.Role;
import org.ketamineclinic.patient.PatientRegistry;
import org.ketamineclinic.patient.PatientRegistry.PatientSummary;
import org.ketamineclinic.platform.ClinicTimeZone;
import org.ketamineclinic.platform.Codes;
import org.ketamineclinic.platform.Conflict;
import org.ketamineclinic.platform.FieldChecks;
import org.ketamineclinic.platform.InvalidInput;
import org.ketamineclinic.platform.NotFound;
import org.ketamineclinic.platform.RuleViolation;
import org.ketamineclinic.platform.RuleViolation.RuleFinding;
import org.ketamineclinic.protocol.TreatmentCourses;
import org.ketamineclinic.protocol.TreatmentCourses.CourseOutline;
import org.ketamineclinic.protocol.TreatmentCourses.SignedOrder;
import org.ketamineclinic.session.SessionAlertRaised;
import org.ketamineclinic.session.SessionStatus;
import org.ketamineclinic.session.internal.SessionObservations.Alert;
import org.ketamineclinic.session.internal.SessionObservations.ScaleScore;
import org.ketamineclinic.session.internal.SessionObservations.Vitals;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Dosing sessions from planning to discharge (clinical reference section 6). The session decides
 * its own transitions; this service gathers the facts its rules need from the other modules
 * (evaluation, consent, REMS, the course's signed order, scale scores), checks the input, and
 * audits every read and change. Front desk plans and cancels sessions; nurses and physicians run
 * them; only a physician acknowledges a check-in finding.
 */
@Service
@Transactional
class SessionService {

	/** A session in these states no longer holds its course session number: a new attempt may be planned. */
	static final Set<SessionStatus> ENDED_WITHOUT_DOSE_GIVEN = EnumSet.of(SessionStatus.CANCELLED, SessionStatus.ABORTED);

	/** Discharge waits until the controlled-substance remainder of the session's opened units is accounted for. */
	static final String REMAINDER_ACCOUNTED = "DISCHARGE_CONTROLLED_SUBSTANCE_REMAINDER_ACCOUNTED";

	static final String RESOURCE = "DosingSession";
	static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);
	/** An upper bound for "any reading" that PostgreSQL timestamps hold. */
	static final Instant FAR_FUTURE = Instant.parse("9999-12-31T00:00:00Z");
	static final String SIGNED_ORDER_REQUIRED = "SIGNED_ORDER_REQUIRED";
	static final String SEDATION_EMERGENCY = "SEDATION_EMERGENCY";
	static final String EMERGENCY_SYMPTOM = "EMERGENCY_SYMPTOM";
	static final Set<Instrument> SESSION_SCALES = EnumSet.of(Instrument.MOAAS, Instrument.CADSS, Instrument.ALDRETE);
	static final Set<BigDecimal> ESKETAMINE_DOSES = Set.of(BigDecimal.valueOf(28), BigDecimal.valueOf(56), BigDecimal.valueOf(84));

	record SessionForm(@Nullable UUID patientId, @Nullable UUID courseId, @Nullable Integer courseSessionNumber, @Nullable String route,
			@Nullable BigDecimal plannedDoseMg, @Nullable BigDecimal plannedDoseMgPerKg, @Nullable Instant scheduledStart,
			@Nullable String chairId) {
	}

	record VitalsForm(@Nullable Integer sbp, @Nullable Integer dbp, @Nullable Integer hr, @Nullable Integer spo2, @Nullable Integer rr) {
	}

	record CheckInForm(@Nullable Instant checkedInAt, @Nullable Instant lastFoodAt, @Nullable Instant lastLiquidAt,
			@Nullable Instant nasalSteroidOrDecongestantAt, @Nullable String escortName, @Nullable String escortPhone,
			@Nullable VitalsForm vitals, @Nullable Long version) {
	}

	record AcknowledgementForm(@Nullable String ruleId, @Nullable String reason, @Nullable Long version) {
	}

	/** @param checkedBy the username of the second member of staff who checked an IV dose */
	record AdministrationForm(@Nullable String lot, @Nullable BigDecimal doseMg, @Nullable Instant startedAt,
			@Nullable Integer durationMinutes, @Nullable Integer deviceNumber, @Nullable String checkedBy, @Nullable Long version) {
	}

	record ReadingForm(@Nullable Instant takenAt, @Nullable Integer sbp, @Nullable Integer dbp, @Nullable Integer hr,
			@Nullable Integer spo2, @Nullable Integer rr) {
	}

	record ScaleForm(@Nullable String instrument, @Nullable List<Integer> answers, @Nullable Instant completedAt) {
	}

	record AdverseEventForm(@Nullable String type, @Nullable String severity, @Nullable Boolean serious, @Nullable Instant onsetAt,
			@Nullable String action, @Nullable String outcome) {
	}

	/**
	 * @param dissociationResolved the clinician's confirmation that dissociation has resolved (a discharge criterion)
	 */
	record DischargeForm(@Nullable Instant dischargedAt, @Nullable Instant readyToLeaveAt, @Nullable Boolean escortConfirmed,
			@Nullable Boolean dissociationResolved, @Nullable Long version) {
	}

	record ReasonForm(@Nullable String reason, @Nullable Long version) {
	}

	record Created(UUID id, SessionStatus status, @Nullable BigDecimal plannedDoseMg, long version) {
	}

	record FindingView(String ruleId, String severity, String source, String message, boolean acknowledged,
			@Nullable String acknowledgedBy, @Nullable String acknowledgementReason) {
	}

	record CheckInResult(UUID id, SessionStatus status, List<FindingView> findings, long version) {
	}

	record WarningView(String code, String message) {
	}

	record AdministrationResult(UUID id, SessionStatus status, List<WarningView> warnings, @Nullable Instant infusionEndsAt,
			@Nullable BigDecimal infusionRateMlPerHour, long version) {
	}

	record AlertView(UUID id, String code, String severity, String message, Instant raisedAt, boolean open, @Nullable String action,
			@Nullable String acknowledgedBy, @Nullable Instant acknowledgedAt) {
	}

	record AlertAcknowledgementForm(@Nullable String action) {
	}

	record ReadingResult(UUID id, List<AlertView> alerts) {
	}

	record ScoreView(UUID id, Instrument instrument, @Nullable Integer total, @Nullable String severity, List<String> flags,
			Instant completedAt, List<AlertView> alerts) {
	}

	record AdverseEventResult(UUID id, List<AlertView> alerts) {
	}

	record AdministrationView(UUID id, String lot, BigDecimal doseMg, Instant startedAt, @Nullable Integer durationMinutes,
			@Nullable Integer deviceNumber, String recordedBy, @Nullable String checkedBy) {
	}

	record OrderView(UUID orderId, BigDecimal doseMg, @Nullable BigDecimal infusionRateMlPerHour, @Nullable Integer infusionMinutes,
			@Nullable Integer devices, String signedBy) {
	}

	/**
	 * @param ready every discharge criterion that can be measured before the discharge itself is met, the ledger's remainder included
	 * @param clinicallyReady the patient's own criteria are met (what moves the session to READY_FOR_DISCHARGE); the
	 * remainder of an opened vial is staff's work and never holds the patient's status back
	 * @param unmet what is still missing, the remainder included
	 */
	record Readiness(boolean ready, boolean clinicallyReady, List<DischargeRules.Unmet> unmet) {
	}

	record SessionView(UUID id, UUID patientId, @Nullable UUID courseId, @Nullable Integer courseSessionNumber, Route route,
			SessionStatus status, @Nullable String statusReason, Instant scheduledStart, @Nullable String chairId,
			@Nullable BigDecimal plannedDoseMg, @Nullable BigDecimal plannedDoseMgPerKg, @Nullable OrderView order,
			@Nullable Instant checkedInAt, @Nullable String checkedInBy, @Nullable Instant lastFoodAt, @Nullable Instant lastLiquidAt,
			@Nullable Instant nasalSteroidOrDecongestantAt, @Nullable String escortName, @Nullable String escortPhone,
			@Nullable VitalSigns preDoseVitals, List<FindingView> findings, List<AdministrationView> administrations,
			BigDecimal givenDoseMg, @Nullable Instant firstDoseAt, @Nullable Instant infusionEndsAt,
			@Nullable Long minutesSinceFirstDose, List<Vitals> vitals, List<AlertView> alerts, List<ScaleScore> scores,
			List<SessionObservations.AdverseEvent> adverseEvents, @Nullable Instant nextVitalsDueAt, boolean vitalsOverdue,
			Readiness dischargeReadiness, @Nullable Instant dischargedAt, @Nullable Instant readyToLeaveAt,
			@Nullable String dischargedBy, long version) {
	}

	private final Sessions sessions;
	private final SessionObservations observations;
	private final Lots lots;
	private final PatientRegistry patients;
	private final ApprovedEvaluations approvals;
	private final Consents consents;
	private final RemsRegistry rems;
	private final CurrentPolicy policies;
	private final TreatmentCourses courses;
	private final SessionMeasures measures;
	private final Accounts accounts;
	private final CurrentUser currentUser;
	private final AuditTrail audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final ClinicTimeZone zone;

	SessionService(Sessions sessions, SessionObservations observations, Lots lots, PatientRegistry patients,
			ApprovedEvaluations approvals, Consents consents, RemsRegistry rems, CurrentPolicy policies, TreatmentCourses courses,
			SessionMeasures measures, Accounts accounts, CurrentUser currentUser, AuditTrail audit, ApplicationEventPublisher events,
			Clock clock, ClinicTimeZone zone) {
		this.accounts = accounts;
		this.sessions = sessions;
		this.observations = observations;
		this.lots = lots;
		this.patients = patients;
		this.approvals = approvals;
		this.consents = consents;
		this.rems = rems;
		this.policies = policies;
		this.courses = courses;
		this.measures = measures;
		this.currentUser = currentUser;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
		this.zone = zone;
	}

	/**
	 * Plans a session. From a course, the route is the course's and the dose comes from the signed
	 * order of the session (the next planned one unless a number is given), so no dose is accepted here.
	 */
	@PreAuthorize("hasAnyRole('PHYSICIAN','NURSE','FRONT_DESK')")
	Created create(SessionForm form) {
		ClinicUser user = currentUser.get();
		Instant now = clock.instant();
		FieldChecks checks = new FieldChecks().require("patientId", form.patientId()).require("scheduledStart", form.scheduledStart());
		checks.rule(form.chairId() == null || form.chairId().strip().length() <= 40, "chairId", "must be at most 40 characters");
		// A year back covers late charting; two years ahead covers a course's maintenance sessions booked on the schedule.
		checks.rule(form.scheduledStart() == null || (!form.scheduledStart().isBefore(now.minus(Duration.ofDays(366)))
				&& !form.scheduledStart().isAfter(now.plus(Duration.ofDays(731)))), "scheduledStart",
				"must be within a year before and two years after today");
		Route route = null;
		if (form.courseId() == null || form.route() != null) {
			route = checks.check("route", () -> Codes.parse(Route.class, form.route()));
		}
		checks.throwIfAny();
		visiblePatient(form.patientId());
		Integer number = form.courseSessionNumber();
		BigDecimal plannedMg = form.plannedDoseMg();
		BigDecimal plannedPerKg = form.plannedDoseMgPerKg();
		if (form.courseId() != null) {
			checks.rule(plannedMg == null && plannedPerKg == null, "plannedDoseMg", "the course's signed order gives the dose");
			checks.throwIfAny();
			CourseOutline course = courses.outline(form.courseId()).orElseThrow(() -> new NotFound("TreatmentCourse", form.courseId()));
			checks.rule(course.patientId().equals(form.patientId()), "courseId", "is a course of another patient");
			checks.rule(route == null || route == course.route(), "route", "must be the course's route " + course.route());
			Integer requested = number;
			checks.rule(requested == null || course.sessions().stream().anyMatch(s -> s.number() == requested), "courseSessionNumber",
					"is not a session of this course");
			checks.throwIfAny();
			if (!course.status().equals("ACTIVE")) {
				throw new Conflict("The course is " + course.status());
			}
			route = course.route();
			Map<Integer, UUID> live = sessions.findByCourseIdAndStatusNotIn(form.courseId(), ENDED_WITHOUT_DOSE_GIVEN).stream()
				.collect(Collectors.toMap(DosingSession::courseSessionNumber, DosingSession::id, (a, b) -> a));
			if (number == null) {
				number = course.sessions().stream().filter(s -> s.status().equals("PLANNED")).map(TreatmentCourses.PlannedSessionView::number)
					.filter(n -> !live.containsKey(n))
					.findFirst().orElseThrow(() -> new Conflict("Every session of the course is given, cancelled or already has a dosing session"));
			}
			else if (live.containsKey(number)) {
				throw new Conflict("Course session " + number + " already has a dosing session (" + live.get(number)
						+ "); cancel that one first");
			}
			// Front desk schedules course sessions but does not read dose orders; the clinicians see the order on the session.
			if (user.role() != Role.FRONT_DESK) {
				plannedMg = courses.signedOrder(form.courseId(), number).map(SignedOrder::doseMg).orElse(null);
			}
		}
		else {
			checkPlannedDose(checks, route, plannedMg, plannedPerKg);
			checks.rule(number == null, "courseSessionNumber", "only with a courseId");
			checks.throwIfAny();
		}
		String chair = form.chairId() == null || form.chairId().isBlank() ? null : form.chairId().strip();
		DosingSession session;
		try {
			session = sessions.saveAndFlush(new DosingSession(user.clinicId(), form.patientId(), route, form.courseId(), number,
					plannedMg, plannedPerKg, form.scheduledStart(), chair, user.username(), now));
		}
		catch (DataIntegrityViolationException raced) {
			// Two front-desk screens creating the same course session at once: the unique index keeps one.
			throw new Conflict("Course session " + number + " already has a dosing session; cancel that one first");
		}
		audit.changed(session.patientId(), RESOURCE, session.id(), AuditAction.CREATE);
		return new Created(session.id(), session.status(), session.plannedDoseMg(), session.version());
	}

	/** Plans a course session's dosing session from its appointment on the schedule (the schedule's listener calls it). */
	@PreAuthorize("hasRole('FRONT_DESK')")
	void planFromAppointment(UUID appointmentId, UUID patientId, UUID courseId, int sessionNumber, Instant start, @Nullable String chair) {
		Created created = create(new SessionForm(patientId, courseId, sessionNumber, null, null, null, start, chair));
		DosingSession session = find(created.id());
		session.plannedFrom(appointmentId);
		store(session);
	}

	/** Links a session planned by hand to the appointment booked for the same course session, at the booked time and chair. */
	@PreAuthorize("hasRole('FRONT_DESK')")
	void linkAppointment(DosingSession session, UUID appointmentId, Instant start, @Nullable String chair) {
		session.plannedFrom(appointmentId);
		session.reschedule(start, chair, clock.instant());
		store(session);
	}

	/** The appointment moved: so does the session planned from it, until the patient checks in. */
	@PreAuthorize("hasRole('FRONT_DESK')")
	void followAppointment(DosingSession session, Instant start, @Nullable String chair) {
		session.reschedule(start, chair, clock.instant());
		store(session);
	}

	@PreAuthorize("hasRole('FRONT_DESK')")
	void appointmentCancelled(DosingSession session) {
		session.cancel("Appointment cancelled on the schedule", clock.instant());
		store(session);
	}

	@PreAuthorize("hasAnyRole('PHYSICIAN','NURSE')")
	SessionView view(UUID id) {
		DosingSession session = find(id);
		refresh(session);
		audit.read(session.patientId(), RESOURCE, session.id());
		return view(sessions.saveAndFlush(session));
	}

	/** A line of the chart's Sessions tab. */
	record SessionLine(UUID id, Route route, SessionStatus status, Instant scheduledStart, @Nullable String chairId,
			@Nullable Instant firstDoseAt, @Nullable Instant dischargedAt, @Nullable UUID courseId, @Nullable Integer courseSessionNumber,
			@Nullable UUID appointmentId) {
	}

	/** The patient's sessions, latest first. */
	@PreAuthorize("hasAnyRole('PHYSICIAN','NURSE')")
	List<SessionLine> forPatient(UUID patientId) {
		visiblePatient(patientId);
		List<SessionLine> lines = sessions.findByClinicIdAndPatientIdOrderByScheduledStartDesc(currentUser.clinic().value(), patientId)
			.stream()
			.map(s -> new SessionLine(s.id(), s.route(), s.status(), s.scheduledStart(), s.chairId(), s.firstDoseAt(), s.dischargedAt(),
					s.courseId(), s.courseSessionNumber(), s.appointmentId()))
			.toList();
		audit.read(patientId, RESOURCE, null);
		return lines;
	}

	@PreAuthorize("hasAnyRole('PHYSICIAN','NURSE')")
	CheckInResult checkIn(UUID id, CheckInForm form) {
		DosingSession session = find(id);
		session.checkVersion(form.version());
		Instant now = clock.instant();
		Instant at = form.checkedInAt() == null ? now : form.checkedInAt();
		FieldChecks checks = new FieldChecks().require("vitals", form.vitals());
		notFuture(checks, "checkedInAt", at, now);
		notAfter(checks, "lastFoodAt", form.lastFoodAt(), at);
		notAfter(checks, "lastLiquidAt", form.lastLiquidAt(), at);
		notAfter(checks, "nasalSteroidOrDecongestantAt", form.nasalSteroidOrDecongestantAt(), at);
		checks.rule(form.escortName() == null || form.escortName().length() <= 200, "escortName", "must be at most 200 characters");
		checks.rule(form.escortPhone() == null || form.escortPhone().length() <= 40, "escortPhone", "must be at most 40 characters");
		checks.throwIfAny();
		VitalsForm v = form.vitals();
		VitalSigns vitals = VitalSigns.checked("vitals.", v.sbp(), v.dbp(), v.hr(), v.spo2(), v.rr(), true);
		UUID patientId = session.patientId();
		Route route = session.route();
		boolean esketamine = route == Route.IN_ESKETAMINE;
		ClinicPolicy policy = policies.current(currentUser.clinic());
		Instant weighed = patients.clinicalHistory(patientId).map(PatientRegistry.ClinicalHistory::weightMeasuredAt).orElse(null);
		CheckInRules.Facts facts = new CheckInRules.Facts(route, at, form.lastFoodAt(), form.lastLiquidAt(),
				form.nasalSteroidOrDecongestantAt(), form.escortName(), form.escortPhone(), approvals.hasCurrentApproval(patientId, route),
				consents.hasCurrentConsent(patientId, route), !esketamine || rems.settingCertified(currentUser.clinic()),
				!esketamine || rems.patientEnrolled(patientId), vitals, weighed);
		List<CheckInRules.Finding> findings = CheckInRules.evaluate(facts, limits(policy));
		session.checkIn(new DosingSession.CheckIn(at, form.lastFoodAt(), form.lastLiquidAt(), form.nasalSteroidOrDecongestantAt(),
				strip(form.escortName()), strip(form.escortPhone()), vitals), findings, currentUser.get().username(), now);
		DosingSession saved = store(session);
		return new CheckInResult(saved.id(), saved.status(), findingViews(saved), saved.version());
	}

	@PreAuthorize("hasRole('PHYSICIAN')")
	CheckInResult acknowledge(UUID id, AcknowledgementForm form) {
		DosingSession session = find(id);
		session.checkVersion(form.version());
		FieldChecks checks = new FieldChecks().require("ruleId", form.ruleId()).require("reason", form.reason());
		checks.rule(form.reason() == null || form.reason().length() <= 2000, "reason", "must be at most 2000 characters");
		checks.throwIfAny();
		session.acknowledge(form.ruleId().strip(), form.reason().strip(), currentUser.get().username(), clock.instant());
		DosingSession saved = store(session);
		return new CheckInResult(saved.id(), saved.status(), findingViews(saved), saved.version());
	}

	/**
	 * Records one administration. A course session needs the course's signed order and gives
	 * exactly its dose (422 otherwise); the lot goes through {@link Lots}.
	 */
	@PreAuthorize("hasAnyRole('PHYSICIAN','NURSE')")
	AdministrationResult administer(UUID id, AdministrationForm form) {
		DosingSession session = find(id);
		session.checkVersion(form.version());
		Instant now = clock.instant();
		session.advance(now);
		FieldChecks checks = new FieldChecks().require("doseMg", form.doseMg()).require("startedAt", form.startedAt());
		checks.rule(form.doseMg() == null || (form.doseMg().signum() > 0 && form.doseMg().compareTo(BigDecimal.valueOf(500)) <= 0),
				"doseMg", "must be more than 0 and at most 500 mg");
		notFuture(checks, "startedAt", form.startedAt(), now);
		String lot = checks.check("lot", () -> lots.draw(form.lot()));
		String checkedBy = strip(form.checkedBy());
		checks.rule(checkedBy == null || clinician(m -> m.username().equals(checkedBy)).isPresent(), "checkedBy", "is not a nurse or physician of this clinic");
		checks.throwIfAny();
		DosingSession.Ordered ordered = null;
		SignedOrder order = null;
		if (session.courseId() != null) {
			order = courses.signedOrder(session.courseId(), session.courseSessionNumber()).orElseThrow(() -> new RuleViolation(
					"No signed dose order", List.of(new RuleFinding(SIGNED_ORDER_REQUIRED, "BLOCK", "A physician signs the dose order of course session "
							+ session.courseSessionNumber() + " before it is given."))));
			ordered = new DosingSession.Ordered(order.doseMg(), order.devices());
		}
		List<DosingSession.Warning> warnings = session.administer(
				new DosingSession.Given(lot, form.doseMg(), form.startedAt(), form.durationMinutes(), form.deviceNumber(), checkedBy), ordered,
				limits().ivSecondPersonCheck(), currentUser.get().username(), now);
		// Only an administration the session accepted takes units off the shelf; a refusal above dispenses nothing.
		lots.dispense(session, lot, form.doseMg());
		DosingSession saved = store(session);
		UUID administrationId = saved.administrations().stream().max(Comparator.comparing(SessionChildren.Administration::startedAt))
			.map(SessionChildren.Administration::id).orElseThrow();
		return new AdministrationResult(administrationId, saved.status(),
				warnings.stream().map(w -> new WarningView(w.code(), w.message())).toList(), saved.infusionEndsAt(),
				order == null ? null : order.infusionRateMlPerHour(), saved.version());
	}

	/**
	 * One reading from a nurse or a monitor, evaluated against the clinic's thresholds in the same
	 * transaction. It does not change the session row, so readings never conflict with each other.
	 */
	@PreAuthorize("hasAnyRole('PHYSICIAN','NURSE')")
	ReadingResult recordVitals(UUID id, ReadingForm form) {
		DosingSession session = find(id);
		requireInChair(session, "record vital signs");
		Instant now = clock.instant();
		FieldChecks checks = new FieldChecks().require("takenAt", form.takenAt());
		notFuture(checks, "takenAt", form.takenAt(), now);
		checks.rule(form.takenAt() == null || session.checkedInAt() == null || !form.takenAt().isBefore(session.checkedInAt()),
				"takenAt", "cannot be before check-in");
		checks.throwIfAny();
		VitalSigns signs = VitalSigns.checked("", form.sbp(), form.dbp(), form.hr(), form.spo2(), form.rr(), false);
		Integer previousSpo2 = observations.spo2Before(session.id(), form.takenAt());
		Vitals reading = new Vitals(UUID.randomUUID(), session.id(), form.takenAt(), signs.sbp(), signs.dbp(), signs.hr(), signs.spo2(),
				signs.rr(), currentUser.get().username());
		observations.add(session.clinicId(), reading, now);
		List<AlertView> alerts = raise(session, VitalAlertRules.evaluate(signs, previousSpo2, limits()), reading.id(), now);
		audit.changed(session.patientId(), "SessionVitals", reading.id(), AuditAction.CREATE);
		return new ReadingResult(reading.id(), alerts);
	}

	@PreAuthorize("hasAnyRole('PHYSICIAN','NURSE')")
	ScoreView recordScale(UUID id, ScaleForm form) {
		DosingSession session = find(id);
		requireInChair(session, "record a scale");
		Instant now = clock.instant();
		FieldChecks checks = new FieldChecks().require("answers", form.answers());
		Instrument instrument = checks.check("instrument", () -> Codes.parse(Instrument.class, form.instrument()));
		checks.rule(instrument == null || SESSION_SCALES.contains(instrument), "instrument", "must be one of " + SESSION_SCALES);
		notFuture(checks, "completedAt", form.completedAt(), now);
		checks.throwIfAny();
		SessionMeasures.SessionScore score = measures.record(session.patientId(), session.id(), instrument, form.answers(),
				form.completedAt());
		ScaleScore row = new ScaleScore(UUID.randomUUID(), session.id(), score.assessmentId(), instrument.name(), score.total(),
				score.severity(), String.join(",", score.flags()), score.completedAt(), currentUser.get().username());
		observations.add(session.clinicId(), row);
		List<AlertView> alerts = score.flags().contains(SEDATION_EMERGENCY)
				? raise(session, List.of(new VitalAlertRules.Alert(SEDATION_EMERGENCY, VitalAlertRules.EMERGENCY,
						"MOAA/S " + score.total() + ": sedation emergency.")), row.id(), now)
				: List.of();
		refresh(session);
		sessions.saveAndFlush(session);
		return new ScoreView(score.assessmentId(), instrument, score.total(), score.severity(), score.flags(), score.completedAt(), alerts);
	}

	@PreAuthorize("hasAnyRole('PHYSICIAN','NURSE')")
	AdverseEventResult recordAdverseEvent(UUID id, AdverseEventForm form) {
		DosingSession session = find(id);
		if (session.status() == SessionStatus.PLANNED || session.status() == SessionStatus.CANCELLED) {
			throw new Conflict("Cannot record a side effect for a session that is " + session.status());
		}
		Instant now = clock.instant();
		FieldChecks checks = new FieldChecks().require("serious", form.serious()).require("onsetAt", form.onsetAt());
		AdverseEventType type = checks.check("type", () -> Codes.parse(AdverseEventType.class, form.type()));
		AdverseEventSeverity severity = checks.check("severity", () -> Codes.parse(AdverseEventSeverity.class, form.severity()));
		notFuture(checks, "onsetAt", form.onsetAt(), now);
		checks.rule(form.action() == null || form.action().length() <= 2000, "action", "must be at most 2000 characters");
		checks.rule(form.outcome() == null || form.outcome().length() <= 2000, "outcome", "must be at most 2000 characters");
		checks.throwIfAny();
		SessionObservations.AdverseEvent event = new SessionObservations.AdverseEvent(UUID.randomUUID(), session.id(), type.name(),
				severity.name(), form.serious(), form.onsetAt(), strip(form.action()), strip(form.outcome()),
				currentUser.get().username(), now);
		observations.add(session.clinicId(), event);
		List<AlertView> alerts = type.emergency(severity) ? raise(session, List.of(new VitalAlertRules.Alert(EMERGENCY_SYMPTOM,
				VitalAlertRules.EMERGENCY, type.name() + " (" + severity.name().toLowerCase() + "): treat as an emergency.")), event.id(), now)
				: List.of();
		audit.changed(session.patientId(), "SessionAdverseEvent", event.id(), AuditAction.CREATE);
		return new AdverseEventResult(event.id(), alerts);
	}

	/**
	 * Discharges against the criteria of {@link DischargeRules} at the discharge time. A course
	 * session is then recorded as given on the course, with severe dissociation (a severe
	 * dissociation side effect) and a blood-pressure alert (any severe blood-pressure alert) for
	 * titration advice: at discharge, because only then is the whole session known.
	 */
	@PreAuthorize("hasAnyRole('PHYSICIAN','NURSE')")
	SessionView discharge(UUID id, DischargeForm form) {
		DosingSession session = find(id);
		session.checkVersion(form.version());
		Instant now = clock.instant();
		FieldChecks checks = new FieldChecks().require("dischargedAt", form.dischargedAt()).require("escortConfirmed", form.escortConfirmed());
		notFuture(checks, "dischargedAt", form.dischargedAt(), now);
		notAfter(checks, "readyToLeaveAt", form.readyToLeaveAt(), form.dischargedAt());
		checks.throwIfAny();
		session.advance(now);
		ClinicPolicy policy = policy();
		List<DischargeRules.Unmet> unmet = new ArrayList<>(DischargeRules.unmet(dischargeFacts(session, form.dischargedAt(),
				form.escortConfirmed(), Boolean.TRUE.equals(form.dissociationResolved()), policy), policy.monitoring()));
		remainderUnmet(session, null).ifPresent(unmet::add);
		ClinicUser user = currentUser.get();
		session.discharge(new DosingSession.Discharge(form.dischargedAt(), form.readyToLeaveAt(), form.escortConfirmed(),
				Boolean.TRUE.equals(form.dissociationResolved()), user.username(), user.userId()), unmet, now);
		DosingSession saved = store(session);
		// Only the ordered dose is recorded on the course: a course session given in part (one esketamine device of two)
		// is left for the physician to judge on the course, and never keeps the patient from going home.
		boolean orderedDoseGiven = saved.courseId() != null && saved.firstDoseAt() != null
				&& courses.signedOrder(saved.courseId(), saved.courseSessionNumber())
					.map(o -> o.doseMg().compareTo(saved.givenDoseMg()) == 0).orElse(false);
		if (orderedDoseGiven) {
			boolean severeDissociation = observations.adverseEvents(saved.id()).stream()
				.anyMatch(e -> e.type().equals(AdverseEventType.DISSOCIATION.name()) && e.severity().equals(AdverseEventSeverity.SEVERE.name()));
			boolean bloodPressureAlert = observations.alerts(saved.id()).stream()
				.anyMatch(a -> a.code().equals(VitalAlertRules.BLOOD_PRESSURE_SEVERE));
			courses.recordSessionGiven(saved.courseId(), saved.courseSessionNumber(), saved.firstDoseAt(), saved.givenDoseMg(),
					severeDissociation, bloodPressureAlert, saved.id());
		}
		measures.dosingSessionEnded(user.clinicId(), saved.patientId(), form.dischargedAt());
		return view(saved);
	}

	@PreAuthorize("hasAnyRole('PHYSICIAN','NURSE','FRONT_DESK')")
	Created cancel(UUID id, ReasonForm form) {
		DosingSession session = find(id);
		session.checkVersion(form.version());
		session.cancel(reason(form), clock.instant());
		DosingSession saved = store(session);
		return new Created(saved.id(), saved.status(), saved.plannedDoseMg(), saved.version());
	}

	/** Stops a session after dosing began; post-session measures still fall due. */
	@PreAuthorize("hasAnyRole('PHYSICIAN','NURSE')")
	Created abort(UUID id, ReasonForm form) {
		DosingSession session = find(id);
		session.checkVersion(form.version());
		Instant now = clock.instant();
		session.advance(now);
		session.abort(reason(form), now);
		DosingSession saved = store(session);
		measures.dosingSessionEnded(currentUser.clinic(), saved.patientId(), now);
		return new Created(saved.id(), saved.status(), saved.plannedDoseMg(), saved.version());
	}

	/** A nurse or physician records the action taken on an alert, once (409 after); it is then no longer open. */
	@PreAuthorize("hasAnyRole('PHYSICIAN','NURSE')")
	AlertView acknowledgeAlert(UUID id, UUID alertId, AlertAcknowledgementForm form) {
		DosingSession session = find(id);
		Alert alert = observations.alerts(session.id()).stream().filter(a -> a.id().equals(alertId)).findFirst()
			.orElseThrow(() -> new NotFound("Alert", alertId));
		String action = strip(form.action());
		FieldChecks checks = new FieldChecks().require("action", action);
		checks.rule(action == null || action.length() <= 2000, "action", "must be at most 2000 characters");
		checks.throwIfAny();
		if (!observations.acknowledge(session.clinicId(), alert, action, currentUser.get().username(), clock.instant())) {
			throw new Conflict("The alert is already acknowledged");
		}
		audit.changed(session.patientId(), "SessionAlert", alertId, AuditAction.UPDATE);
		return observations.alerts(session.id()).stream().filter(a -> a.id().equals(alertId)).map(SessionService::alertView)
			.findFirst().orElseThrow();
	}

	// --- for the board and the REMS form ---

	DosingSession find(UUID id) {
		return sessions.findByClinicIdAndId(currentUser.clinic().value(), id).orElseThrow(() -> new NotFound("Session", id));
	}

	/**
	 * Today's sessions, and before them any patient still in a chair from an earlier day: an
	 * evening session does not leave the board at midnight while the patient is being watched.
	 */
	List<DosingSession> today() {
		LocalDate day = LocalDate.now(clock.withZone(zone.zone()));
		Instant startOfDay = day.atStartOfDay(zone.zone()).toInstant();
		List<DosingSession> board = new java.util.ArrayList<>(sessions.findByClinicIdAndStatusInAndScheduledStartLessThanOrderByScheduledStart(
				currentUser.clinic().value(), java.util.Arrays.stream(SessionStatus.values()).filter(SessionStatus::inChair).toList(),
				startOfDay));
		board.addAll(sessions.findByClinicIdAndScheduledStartGreaterThanEqualAndScheduledStartLessThanOrderByScheduledStart(
				currentUser.clinic().value(), startOfDay, day.plusDays(1).atStartOfDay(zone.zone()).toInstant()));
		return board;
	}

	/** When the next reading is due under the clinic's monitoring limits (read once by a caller that lists many sessions). */
	@Nullable Instant nextVitalsDue(DosingSession session, @Nullable Vitals last, MonitoringLimits limits) {
		return MonitoringSchedule.nextDue(session.route(), session.status().inChair(), session.firstDoseAt(), session.infusionEndsAt(),
				last == null ? null : last.takenAt(), limits);
	}

	/** The caller's clinic's policy: the reference's defaults with the clinic's recorded changes, monitoring thresholds included. */
	ClinicPolicy policy() {
		return policies.current(currentUser.clinic());
	}

	MonitoringLimits limits() {
		return policy().monitoring();
	}

	/** The session's latest reading, if any. */
	@Nullable Vitals lastReading(DosingSession session) {
		return observations.latestWith(session.id(), "id", Instant.EPOCH, FAR_FUTURE);
	}

	/** The clinic's active nurse or physician that matches, for a second check and for the REMS form's monitoring clinician. */
	Optional<Accounts.StaffMember> clinician(Predicate<Accounts.StaffMember> which) {
		ClinicId clinic = currentUser.clinic();
		return Stream.of(Role.NURSE, Role.PHYSICIAN).flatMap(role -> accounts.staff(clinic, role).stream()).filter(which).findFirst();
	}

	/** The pre-dose blood pressure a reading after the dose is judged against: the label's for esketamine, the clinic's for ketamine. */
	static BloodPressureLimit preDoseLimit(Route route, ClinicPolicy policy) {
		return route == Route.IN_ESKETAMINE ? policy.esketaminePreDoseLimit() : policy.monitoring().racemicPreDoseLimit();
	}

	// --- internals ---

	/** Saves a change (flushing, so the version returned is the new one) with its audit entry; the session's events go out here. */
	private DosingSession store(DosingSession session) {
		DosingSession saved = sessions.saveAndFlush(session);
		audit.changed(saved.patientId(), RESOURCE, saved.id(), AuditAction.UPDATE);
		return saved;
	}

	/** Moves an infusion that has run to MONITORING, and a session whose criteria are met to READY_FOR_DISCHARGE. */
	private void refresh(DosingSession session) {
		Instant now = clock.instant();
		session.advance(now);
		if (session.status() == SessionStatus.MONITORING && readiness(session, now).clinicallyReady()) {
			session.readyForDischarge(now);
		}
		else if (session.status() == SessionStatus.READY_FOR_DISCHARGE && !readiness(session, now).clinicallyReady()) {
			session.monitoringResumed(now);
		}
	}

	/**
	 * The measured discharge criteria now, leaving out what only the clinician confirms at discharge
	 * (the escort, dissociation resolved): what the board and the session view show.
	 */
	Readiness readiness(DosingSession s, Instant now) {
		return readiness(s, now, policy(), null);
	}

	/** The ledger's remainders of the dosed sessions among these, in one query (for the chair board). */
	Map<UUID, Remainder> remainders(List<DosingSession> sessions) {
		return lots.remainders(sessions);
	}

	/**
	 * {@link #readiness(DosingSession, Instant)} under a policy, and with the ledger's remainder, that the caller read once
	 * for many sessions ({@code remainder} null: ask the ledger now).
	 */
	Readiness readiness(DosingSession s, Instant now, ClinicPolicy policy, @Nullable Remainder remainder) {
		if (s.status() == SessionStatus.DISCHARGED) {
			return new Readiness(true, true, List.of());
		}
		if (s.firstDoseAt() == null || !s.status().inChair()) {
			return new Readiness(false, false, List.of());
		}
		List<DischargeRules.Unmet> clinical = DischargeRules.unmet(dischargeFacts(s, now, true, true, policy), policy.monitoring());
		List<DischargeRules.Unmet> unmet = new ArrayList<>(clinical);
		remainderUnmet(s, remainder).ifPresent(unmet::add);
		return new Readiness(unmet.isEmpty(), clinical.isEmpty(), List.copyOf(unmet));
	}

	/** The ledger's answer for the opened units of a dosed session: wasted under witness or kept, or still outstanding. */
	private Optional<DischargeRules.Unmet> remainderUnmet(DosingSession session, @Nullable Remainder known) {
		if (session.firstDoseAt() == null) {
			return Optional.empty();
		}
		Remainder remainder = known != null ? known : lots.remainder(session, session.givenDoseMg());
		if (remainder.accountedFor()) {
			return Optional.empty();
		}
		return Optional.of(new DischargeRules.Unmet(REMAINDER_ACCOUNTED, "REG (clinical reference section 8)",
				remainder.state() == ControlledSubstances.RemainderState.OUTSTANDING
						? remainder.outstandingMg().toPlainString() + " mg of the opened vial is neither wasted under witness nor"
								+ " recorded as kept"
						: "The ledger holds more wasted, kept or given than was dispensed for this session: correct it first"));
	}

	private DischargeRules.Facts dischargeFacts(DosingSession session, Instant at, boolean escortConfirmed, boolean dissociationResolved,
			ClinicPolicy policy) {
		Instant first = session.firstDoseAt();
		List<ScaleScore> scores = first == null ? List.of()
				: observations.scores(session.id()).stream().filter(s -> !s.completedAt().isBefore(first) && !s.completedAt().isAfter(at)).toList();
		Integer moaas = latest(scores, Instrument.MOAAS).map(ScaleScore::total).orElse(null);
		Boolean aldrete = latest(scores, Instrument.ALDRETE).map(s -> "DISCHARGE_CRITERION_MET".equals(s.severity())).orElse(null);
		Vitals bp = first == null ? null : observations.latestWith(session.id(), "sbp", first, at);
		Vitals spo2 = first == null ? null : observations.latestWith(session.id(), "spo2", first, at);
		Vitals rr = first == null ? null : observations.latestWith(session.id(), "rr", first, at);
		return new DischargeRules.Facts(session.route(), at, first, session.infusionEndsAt(), escortConfirmed, dissociationResolved,
				moaas, aldrete, bp == null ? null : bp.signs(), session.preDoseVitals(), spo2 == null ? null : spo2.spo2(),
				rr == null ? null : rr.rr(), preDoseLimit(session.route(), policy));
	}

	private static Optional<ScaleScore> latest(List<ScaleScore> scores, Instrument instrument) {
		return scores.stream().filter(s -> s.instrument().equals(instrument.name())).reduce((a, b) -> b);
	}

	private List<AlertView> raise(DosingSession session, List<VitalAlertRules.Alert> found, UUID sourceId, Instant now) {
		List<AlertView> views = new ArrayList<>();
		for (VitalAlertRules.Alert a : found) {
			Alert alert = new Alert(UUID.randomUUID(), session.id(), a.code(), a.severity(), a.message(), now, sourceId);
			observations.add(session.clinicId(), alert);
			events.publishEvent(new SessionAlertRaised(alert.id(), session.id(), currentUser.clinic(), session.patientId(), a.code(),
					a.severity()));
			views.add(alertView(alert));
		}
		return views;
	}

	static AlertView alertView(Alert a) {
		return new AlertView(a.id(), a.code(), a.severity(), a.message(), a.raisedAt(), a.open(), a.action(), a.acknowledgedBy(),
				a.acknowledgedAt());
	}

	private SessionView view(DosingSession s) {
		Instant now = clock.instant();
		List<Vitals> vitals = observations.vitals(s.id());
		Instant due = nextVitalsDue(s, vitals.isEmpty() ? null : vitals.get(vitals.size() - 1), limits());
		OrderView order = s.courseId() == null ? null
				: courses.signedOrder(s.courseId(), s.courseSessionNumber())
					.map(o -> new OrderView(o.orderId(), o.doseMg(), o.infusionRateMlPerHour(), o.infusionMinutes(), o.devices(), o.signedBy()))
					.orElse(null);
		Readiness readiness = readiness(s, now);
		return new SessionView(s.id(), s.patientId(), s.courseId(), s.courseSessionNumber(), s.route(), s.status(), s.statusReason(),
				s.scheduledStart(), s.chairId(), s.plannedDoseMg(), s.plannedDoseMgPerKg(), order, s.checkedInAt(), s.checkedInBy(),
				s.lastFoodAt(), s.lastLiquidAt(), s.nasalSteroidOrDecongestantAt(), s.escortName(), s.escortPhone(), s.preDoseVitals(),
				findingViews(s),
				s.administrations().stream().map(a -> new AdministrationView(a.id(), a.lot(), a.doseMg(), a.startedAt(), a.durationMinutes(),
						a.deviceNumber(), a.recordedBy(), a.checkedBy())).toList(),
				s.givenDoseMg(), s.firstDoseAt(), s.infusionEndsAt(),
				s.firstDoseAt() == null ? null : Duration.between(s.firstDoseAt(), s.endedAt() != null ? s.endedAt() : now).toMinutes(),
				vitals, observations.alerts(s.id()).stream().map(SessionService::alertView).toList(), observations.scores(s.id()),
				observations.adverseEvents(s.id()), due, MonitoringSchedule.overdue(due, now), readiness, s.dischargedAt(),
				s.readyToLeaveAt(), s.dischargedBy(), s.version());
	}

	private static List<FindingView> findingViews(DosingSession s) {
		return s.findings().stream().map(f -> {
			var ack = s.acknowledgementOf(f.ruleId());
			return new FindingView(f.ruleId(), f.severity().name(), f.source().name(), f.message(), ack.isPresent(),
					ack.map(SessionChildren.Acknowledgement::acknowledgedBy).orElse(null),
					ack.map(SessionChildren.Acknowledgement::reason).orElse(null));
		}).toList();
	}

	private CheckInRules.Limits limits(ClinicPolicy policy) {
		MonitoringLimits monitoring = policy.monitoring();
		return new CheckInRules.Limits(policy.esketaminePreDoseLimit(), monitoring.racemicPreDoseLimit(), monitoring.racemicFoodFast(),
				monitoring.racemicLiquidFast(), policy.maxWeightAgeDays());
	}

	private static void checkPlannedDose(FieldChecks checks, @Nullable Route route, @Nullable BigDecimal mg, @Nullable BigDecimal perKg) {
		if (route == null) {
			return;
		}
		checks.rule(mg == null || perKg == null, "plannedDoseMg", "give plannedDoseMg or plannedDoseMgPerKg, not both");
		if (route == Route.IN_ESKETAMINE) {
			checks.rule(perKg == null, "plannedDoseMgPerKg", "esketamine is dosed in mg");
			checks.rule(mg == null || ESKETAMINE_DOSES.stream().anyMatch(d -> d.compareTo(mg) == 0), "plannedDoseMg",
					"esketamine is 28, 56 or 84 mg");
		}
		else {
			checks.rule(perKg == null || (perKg.signum() > 0 && perKg.compareTo(BigDecimal.ONE) <= 0), "plannedDoseMgPerKg",
					"must be more than 0 and at most 1.0 mg/kg (a higher dose needs a physician's signed order with an override)");
			checks.rule(mg == null || (mg.signum() > 0 && mg.compareTo(BigDecimal.valueOf(500)) <= 0), "plannedDoseMg",
					"must be more than 0 and at most 500 mg");
		}
	}

	private PatientSummary visiblePatient(UUID patientId) {
		return patients.find(patientId).filter(p -> !p.voided()).orElseThrow(() -> new NotFound("Patient", patientId));
	}

	private static void requireInChair(DosingSession session, String action) {
		if (!session.status().inChair()) {
			throw new Conflict("Cannot " + action + " for a session that is " + session.status());
		}
	}

	private static void notFuture(FieldChecks checks, String field, @Nullable Instant at, Instant now) {
		checks.rule(at == null || !at.isAfter(now.plus(FUTURE_TOLERANCE)), field, "cannot be more than 5 minutes in the future");
	}

	private static void notAfter(FieldChecks checks, String field, @Nullable Instant at, @Nullable Instant limit) {
		checks.rule(at == null || limit == null || !at.isAfter(limit), field, "cannot be after " + limit);
	}

	private static String reason(ReasonForm form) {
		String reason = strip(form.reason());
		if (reason == null) {
			throw new InvalidInput("reason", "is required");
		}
		if (reason.length() > 2000) {
			throw new InvalidInput("reason", "must be at most 2000 characters");
		}
		return reason;
	}

	private static @Nullable String strip(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}
}
