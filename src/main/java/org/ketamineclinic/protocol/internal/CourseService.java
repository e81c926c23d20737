package org.ketamineclinic.protocol.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.assessment.ResponseStatus;
import org.ketamineclinic.assessment.TreatmentResponses;
import org.ketamineclinic.audit.AuditAction;
import org.ketamineclinic.audit.AuditTrail;
import org.ketamineclinic.evaluation.ApprovedEvaluations;
import org.ketamineclinic.evaluation.CurrentPolicy;
import org.ketamineclinic.evaluation.Indication;
import org.ketamineclinic.evaluation.Route;
import org.ketamineclinic.evaluation.rules.ClinicPolicy;
import org.ketamineclinic.identity.ClinicUser;
import org.ketamineclinic.identity.CurrentUser;
import org.ketamineclinic.patient.DosingWeight;
import org.ketamineclinic.patient.PatientRegistry;
import org.ketamineclinic.patient.PatientRegistry.ClinicalHistory;
import org.ketamineclinic.platform.ClinicTimeZone;
import org.ketamineclinic.platform.Codes;
import org.ketamineclinic.platform.Conflict;
import org.ketamineclinic.platform.FieldChecks;
import org.ketamineclinic.platform.InvalidInput;
import org.ketamineclinic.platform.NotFound;
import org.ketamineclinic.platform.RuleViolation;
import org.ketamineclinic.platform.RuleViolation.RuleFinding;
import org.ketamineclinic.protocol.CourseStarted;
import org.ketamineclinic.protocol.CourseStopped;
import org.ketamineclinic.protocol.DoseOrderSigned;
import org.ketamineclinic.protocol.TreatmentCourses;
import org.ketamineclinic.protocol.dosing.DoseCalculation;
import org.ketamineclinic.protocol.dosing.DoseCalculator;
import org.ketamineclinic.protocol.dosing.DoseContext;
import org.ketamineclinic.protocol.dosing.DoseRequest;
import org.ketamineclinic.protocol.library.DoseUnit;
import org.ketamineclinic.protocol.library.Frequency;
import org.ketamineclinic.protocol.library.Protocol;
import org.ketamineclinic.protocol.library.TitrationAdvisor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * Treatment courses from creation to the end: the evaluation gate, planned sessions, given
 * sessions, titration advice that takes effect only when a physician confirms it, the
 * end-of-induction response check, maintenance frequency changes with a reason, and the dose order
 * a physician signs for each session. Every read and change of a course is audited.
 */
@Service
@Transactional
class CourseService implements TreatmentCourses {

	static final String RESOURCE = "TreatmentCourse";
	static final String ORDER = "DoseOrder";
	static final String APPROVAL_RULE = "APPROVED_EVALUATION_REQUIRED";
	static final String HARD_STOP_RULE = "IV_DOSE_ABOVE_1_MG_PER_KG";
	static final int OLDER_ADULT_AGE = 65;

	record CourseForm(@Nullable String protocol, @Nullable LocalDate startDate, @Nullable BigDecimal doseMgPerKg,
			@Nullable BigDecimal doseMg) {
	}

	record OutcomeForm(@Nullable Instant givenAt, @Nullable BigDecimal doseMg, @Nullable Boolean severeDissociation,
			@Nullable Boolean bloodPressureAlert, @Nullable UUID sessionId) {
	}

	record TitrationForm(@Nullable BigDecimal toDose, @Nullable String reason, @Nullable Long version) {
	}

	record ReasonForm(@Nullable String reason, @Nullable Long version) {
	}

	record ResponseCheckForm(@Nullable String decision, @Nullable String note, @Nullable Long version) {
	}

	record FrequencyForm(@Nullable String frequency, @Nullable String reason, @Nullable Long version) {
	}

	/**
	 * How the dose is to be given; {@code doseMgPerKg} or {@code doseMg} orders another dose than the
	 * planned one for this session only (warnings, and the hard stop above 1.0 mg/kg IV, apply).
	 */
	record OrderForm(@Nullable Integer infusionMinutes, @Nullable BigDecimal vialConcentrationMgPerMl,
			@Nullable BigDecimal bagVolumeMl, @Nullable String overrideReason, @Nullable BigDecimal doseMgPerKg,
			@Nullable BigDecimal doseMg) {
	}

	record SessionView(int number, String phase, LocalDate earliestDate, LocalDate latestDate, @Nullable BigDecimal doseMg,
			@Nullable BigDecimal doseMgPerKg, String status, @Nullable Instant givenAt, @Nullable BigDecimal givenDoseMg,
			boolean severeDissociation, boolean bloodPressureAlert, @Nullable OrderView order) {
	}

	record OrderView(UUID id, int sessionNumber, BigDecimal doseMg, @Nullable BigDecimal doseMgPerKg,
			@Nullable DosingWeight dosingWeight, @Nullable BigDecimal dosingWeightKg, @Nullable BigDecimal weightKg,
			@Nullable Instant weightMeasuredAt, @Nullable Integer infusionMinutes, @Nullable BigDecimal vialConcentrationMgPerMl,
			@Nullable BigDecimal bagVolumeMl, @Nullable BigDecimal drawVolumeMl, @Nullable BigDecimal infusionRateMlPerHour,
			@Nullable BigDecimal doseRateMgPerMinute, @Nullable Integer devices, List<Map<String, String>> warnings,
			boolean hardStop, @Nullable String overrideReason, String signedBy, Instant signedAt, String contentSha256,
			boolean signatureIntact, @Nullable Instant voidedAt, @Nullable String voidedBy, @Nullable String voidReason) {
	}

	record DecisionView(String kind, int afterSession, @Nullable String ruleId, @Nullable String fromValue,
			@Nullable String toValue, @Nullable String reason, String decidedBy, Instant decidedAt) {
	}

	record CourseView(UUID id, UUID patientId, String protocol, String protocolName, Route route, String doseUnit, String phase,
			String status, LocalDate startDate, BigDecimal currentDose, BigDecimal maxDose, List<BigDecimal> titrationSteps,
			@Nullable Frequency maintenanceFrequency, List<Frequency> maintenanceFrequencies, @Nullable Integer infusionMinutes,
			long version, List<SessionView> plannedSessions, TitrationAdvisor.@Nullable Suggestion titrationSuggestion,
			TreatmentResponses.@Nullable Response response, boolean responseCheckDue, List<DecisionView> decisions,
			List<OrderView> orders, String createdBy, Instant createdAt) {
	}

	record CourseSummary(UUID id, String protocol, Route route, String phase, String status, LocalDate startDate, int given,
			int planned, BigDecimal currentDose, String doseUnit) {
	}

	/** A dose worked out for a session before signing: what the page's calculator and the PK curve show. */
	record DosePreview(int sessionNumber, @Nullable BigDecimal doseMgPerKg, DoseCalculation calculation,
			@Nullable BigDecimal weightKg, @Nullable Instant weightMeasuredAt, DosingWeight dosingWeight, @Nullable Integer infusionMinutes) {
	}

	private final CourseRepository courses;
	private final DoseOrderRepository orders;
	private final ProtocolLibrary library;
	private final PatientRegistry patients;
	private final ApprovedEvaluations approvals;
	private final CurrentPolicy policies;
	private final TreatmentResponses responses;
	private final CurrentUser currentUser;
	private final AuditTrail audit;
	private final ApplicationEventPublisher events;
	private final JsonMapper json;
	private final Clock clock;
	private final ClinicTimeZone zone;
	private final DoseCalculator calculator = new DoseCalculator();

	CourseService(CourseRepository courses, DoseOrderRepository orders, ProtocolLibrary library, PatientRegistry patients,
			ApprovedEvaluations approvals, CurrentPolicy policies, TreatmentResponses responses, CurrentUser currentUser,
			AuditTrail audit, ApplicationEventPublisher events, JsonMapper json, Clock clock, ClinicTimeZone zone) {
		this.courses = courses;
		this.orders = orders;
		this.library = library;
		this.patients = patients;
		this.approvals = approvals;
		this.policies = policies;
		this.responses = responses;
		this.currentUser = currentUser;
		this.audit = audit;
		this.events = events;
		this.json = json;
		this.clock = clock;
		this.zone = zone;
	}

	/**
	 * Starts a course from one of the clinic's protocols. The patient needs a current, approved
	 * evaluation for the protocol's route (422 otherwise) and no other active course (409).
	 */
	@PreAuthorize("hasRole('PHYSICIAN')")
	CourseView create(UUID patientId, CourseForm form) {
		ClinicUser user = currentUser.get();
		ClinicalHistory chart = chart(patientId);
		FieldChecks checks = new FieldChecks().require("protocol", form.protocol()).require("startDate", form.startDate());
		checks.throwIfAny();
		Protocol protocol = library.find(user.clinicId(), form.protocol().strip())
			.orElseThrow(() -> new InvalidInput("protocol", "is not a protocol of this clinic: " + form.protocol()))
			.protocol();
		LocalDate today = today();
		checks.rule(!form.startDate().isBefore(today.minusYears(1)) && !form.startDate().isAfter(today.plusYears(1)), "startDate",
				"must be within a year of today");
		Protocol forPatient = adaptToPatient(protocol, chart, user);
		BigDecimal dose = startDose(checks, forPatient, form);
		checks.throwIfAny();
		if (!approvals.hasCurrentApproval(patientId, protocol.route())) {
			throw new RuleViolation("The patient has no current, physician-approved evaluation for " + protocol.route(),
					List.of(new RuleFinding(APPROVAL_RULE, "BLOCK", "A course of " + protocol.route().label()
							+ " needs a current evaluation for that route signed off as APPROVED by a physician.")));
		}
		courses.findByClinicIdAndPatientIdOrderByCreatedAtDesc(user.clinicId().value(), patientId).stream()
			.filter(TreatmentCourse::active)
			.findFirst()
			.ifPresent(active -> {
				throw new Conflict("The patient already has an active course (" + active.protocolCode() + ", started "
						+ active.startDate() + "); complete or stop it first");
			});
		TreatmentCourse course = courses.save(new TreatmentCourse(user.clinicId().value(), patientId, forPatient,
				library.write(forPatient), form.startDate(), dose, user.username(), clock.instant()));
		audit.changed(patientId, RESOURCE, course.id(), AuditAction.CREATE);
		Indication indication = protocol.indication() != null ? protocol.indication()
				: approvals.approvedIndication(patientId, protocol.route()).orElse(null);
		events.publishEvent(new CourseStarted(course.id(), user.clinicId(), patientId, protocol.code(), protocol.route(),
				form.startDate(), indication));
		return view(course, protocolOf(course));
	}

	@PreAuthorize("hasAnyRole('PHYSICIAN','NURSE','THERAPIST')")
	List<CourseSummary> list(UUID patientId) {
		chartSummary(patientId);
		audit.read(patientId, RESOURCE, "list");
		return courses.findByClinicIdAndPatientIdOrderByCreatedAtDesc(currentUser.clinic().value(), patientId).stream()
			.map(c -> new CourseSummary(c.id(), c.protocolCode(), c.route(), c.phase().name(), c.status().name(), c.startDate(),
					(int) c.sessions().stream().filter(CourseSession::isGiven).count(),
					(int) c.sessions().stream().filter(CourseSession::planned).count(), c.currentDose(),
					(c.route().racemic() ? DoseUnit.MG_PER_KG : DoseUnit.MG).symbol()))
			.toList();
	}

	@PreAuthorize("hasAnyRole('PHYSICIAN','NURSE','THERAPIST')")
	CourseView view(UUID courseId) {
		TreatmentCourse course = find(courseId);
		audit.read(course.patientId(), RESOURCE, course.id());
		return view(course, protocolOf(course));
	}

	@PreAuthorize("hasAnyRole('PHYSICIAN','NURSE')")
	CourseView recordOutcome(UUID courseId, int number, OutcomeForm form) {
		TreatmentCourse course = find(courseId);
		Instant now = clock.instant();
		FieldChecks checks = new FieldChecks().require("givenAt", form.givenAt()).require("doseMg", form.doseMg());
		checks.rule(form.givenAt() == null || !form.givenAt().isAfter(now.plus(Duration.ofMinutes(5))), "givenAt",
				"cannot be more than 5 minutes in the future");
		checks.rule(form.doseMg() == null || (form.doseMg().signum() > 0 && form.doseMg().compareTo(BigDecimal.valueOf(500)) <= 0),
				"doseMg", "must be more than 0 and at most 500 mg");
		checks.throwIfAny();
		OrderView order = currentOrder(course, number).map(this::orderView).orElseThrow(() -> new RuleViolation(
				"Session " + number + " has no signed dose order", List.of(new RuleFinding("SIGNED_ORDER_REQUIRED", "BLOCK",
						"A physician signs the dose order of session " + number + " before it is given."))));
		if (order.doseMg().compareTo(form.doseMg()) != 0) {
			throw new InvalidInput("doseMg", "must be the signed order's " + order.doseMg().stripTrailingZeros().toPlainString()
					+ " mg; a different dose needs a new signed order");
		}
		course.recordGiven(number, form.givenAt(), form.doseMg(), Boolean.TRUE.equals(form.severeDissociation()),
				Boolean.TRUE.equals(form.bloodPressureAlert()), form.sessionId(), currentUser.get().username(), now);
		audit.changed(course.patientId(), RESOURCE, course.id(), AuditAction.UPDATE);
		return view(course, protocolOf(course));
	}

	/**
	 * A physician moves the dose to another step. With the current suggestion's target the
	 * suggestion is confirmed (its reason is recorded unless the physician gives one); any other
	 * step is a manual change and needs a reason. Unsigned future sessions take the new dose;
	 * signed orders of sessions not yet given are voided, since they no longer match.
	 */
	@PreAuthorize("hasRole('PHYSICIAN')")
	CourseView titrate(UUID courseId, TitrationForm form) {
		TreatmentCourse course = find(courseId);
		checkVersion(course, form.version());
		new FieldChecks().require("toDose", form.toDose()).throwIfAny();
		Protocol protocol = protocolOf(course);
		Optional<TitrationAdvisor.Suggestion> suggestion = suggestion(course, protocol);
		boolean confirms = suggestion.map(s -> s.toDose().compareTo(form.toDose()) == 0).orElse(false);
		String reason = blankToNull(form.reason());
		if (!confirms && reason == null) {
			throw new InvalidInput("reason", "is required for a dose change that is not the current suggestion");
		}
		checkLength("reason", reason);
		ClinicUser user = currentUser.get();
		Instant now = clock.instant();
		course.changeDose(protocol, form.toDose(),
				confirms ? CourseDecision.Kind.TITRATION_CONFIRMED : CourseDecision.Kind.DOSE_CHANGED,
				confirms ? suggestion.get().rule().name() : null, reason != null ? reason : suggestion.get().reason(),
				user.username(), now);
		for (CourseSession session : course.sessions()) {
			if (session.planned()) {
				currentOrder(course, session.number()).ifPresent(order -> order.voidOrder(
						"Dose changed to " + TreatmentCourse.plain(form.toDose()) + " " + protocol.doseUnit().symbol(), user.username(), now));
			}
		}
		audit.changed(course.patientId(), RESOURCE, course.id(), AuditAction.UPDATE);
		return view(course, protocol);
	}

	@PreAuthorize("hasRole('PHYSICIAN')")
	CourseView dismissSuggestion(UUID courseId, ReasonForm form) {
		TreatmentCourse course = find(courseId);
		checkVersion(course, form.version());
		String reason = requireReason(form.reason());
		Protocol protocol = protocolOf(course);
		TitrationAdvisor.Suggestion suggestion = suggestion(course, protocol)
			.orElseThrow(() -> new Conflict("There is no titration suggestion to dismiss"));
		course.dismissSuggestion(suggestion, reason, currentUser.get().username(), clock.instant());
		audit.changed(course.patientId(), RESOURCE, course.id(), AuditAction.UPDATE);
		return view(course, protocol);
	}

	/** The end-of-induction check, with the response on the depression scales recorded as the physician saw it. */
	@PreAuthorize("hasRole('PHYSICIAN')")
	CourseView checkResponse(UUID courseId, ResponseCheckForm form) {
		TreatmentCourse course = find(courseId);
		checkVersion(course, form.version());
		FieldChecks checks = new FieldChecks().require("decision", form.decision());
		checks.rule(form.decision() == null || form.decision().equals("START_MAINTENANCE") || form.decision().equals("END_COURSE"),
				"decision", "must be START_MAINTENANCE or END_COURSE");
		checks.throwIfAny();
		String note = blankToNull(form.note());
		checkLength("note", note);
		Optional<TreatmentResponses.Response> response = responses.current(course.patientId(), course.firstDosingDay(zone.zone())
			.orElse(null));
		boolean startMaintenance = form.decision().equals("START_MAINTENANCE");
		boolean responding = response.map(r -> r.status() == ResponseStatus.RESPONSE || r.status() == ResponseStatus.REMISSION)
			.orElse(false);
		if (startMaintenance && !responding && note == null) {
			throw new InvalidInput("note", "is required to continue into maintenance without a measured response ("
					+ response.map(r -> r.instrument() + " " + r.status()).orElse("no depression rating") + ")");
		}
		Protocol protocol = protocolOf(course);
		course.checkResponse(protocol, startMaintenance, json.writeValueAsString(response.orElse(null)), note, zone.zone(),
				currentUser.get().username(), clock.instant());
		audit.changed(course.patientId(), RESOURCE, course.id(), AuditAction.UPDATE);
		return view(course, protocol);
	}

	@PreAuthorize("hasRole('PHYSICIAN')")
	CourseView changeFrequency(UUID courseId, FrequencyForm form) {
		TreatmentCourse course = find(courseId);
		checkVersion(course, form.version());
		FieldChecks checks = new FieldChecks().require("frequency", form.frequency());
		Frequency frequency = form.frequency() == null ? null
				: checks.check("frequency", () -> Codes.parse(Frequency.class, form.frequency()));
		String reason = blankToNull(form.reason());
		checks.rule(reason != null, "reason", "is required: say why the maintenance frequency changes");
		checks.throwIfAny();
		checkLength("reason", reason);
		Protocol protocol = protocolOf(course);
		course.changeMaintenanceFrequency(protocol, frequency, reason, today(), zone.zone(), currentUser.get().username(),
				clock.instant());
		voidOrdersOfCancelledSessions(course, "Maintenance frequency changed");
		audit.changed(course.patientId(), RESOURCE, course.id(), AuditAction.UPDATE);
		return view(course, protocol);
	}

	@PreAuthorize("hasRole('PHYSICIAN')")
	CourseView stop(UUID courseId, ReasonForm form) {
		TreatmentCourse course = find(courseId);
		checkVersion(course, form.version());
		Instant now = clock.instant();
		course.stop(requireReason(form.reason()), currentUser.get().username(), now);
		voidOrdersOfCancelledSessions(course, "Course stopped");
		audit.changed(course.patientId(), RESOURCE, course.id(), AuditAction.UPDATE);
		events.publishEvent(new CourseStopped(course.id(), currentUser.clinic(), course.patientId(), now));
		return view(course, protocolOf(course));
	}

	/** The dose of a session worked out from the chart and the clinic's policy, without signing. */
	@PreAuthorize("hasAnyRole('PHYSICIAN','NURSE')")
	DosePreview preview(UUID courseId, int number, OrderForm form) {
		TreatmentCourse course = find(courseId);
		audit.read(course.patientId(), RESOURCE, course.id());
		return calculate(course, plannedSession(course, number), form);
	}

	/**
	 * The physician signs the order for a planned session: the dose is calculated here from the
	 * chart's latest weight and the clinic's dosing-weight policy, never typed in. A hard stop needs
	 * an override reason; without one the order is refused with 422.
	 */
	@PreAuthorize("hasRole('PHYSICIAN')")
	OrderView signOrder(UUID courseId, int number, OrderForm form) {
		TreatmentCourse course = find(courseId);
		if (!course.active()) {
			throw new Conflict("The course is " + course.status() + "; no more orders can be signed");
		}
		CourseSession session = plannedSession(course, number);
		currentOrder(course, number).ifPresent(existing -> {
			throw new Conflict("Session " + number + " already has a signed order (" + existing.doseMg().toPlainString()
					+ " mg); void it first to sign another");
		});
		DosePreview preview = calculate(course, session, form);
		String override = blankToNull(form.overrideReason());
		checkLength("overrideReason", override);
		if (preview.calculation().hardStop() && override == null) {
			throw new RuleViolation("Hard stop: the dose needs a physician's override with a reason",
					preview.calculation().warnings().stream().filter(w -> w.code().hardStop())
						.map(w -> new RuleFinding(w.code().name(), "BLOCK", w.message() + " Give overrideReason to override."))
						.toList());
		}
		if (!preview.calculation().hardStop() && override != null) {
			throw new InvalidInput("overrideReason", "is only for a dose that hits a hard stop");
		}
		ClinicUser user = currentUser.get();
		String warnings = json.writeValueAsString(preview.calculation().warnings().stream()
			.map(w -> Map.of("code", w.code().name(), "severity", w.code().severity().name(), "message", w.message())).toList());
		DoseOrder order;
		try {
			// Flushed here so that a concurrent signature for the same session meets the one-current-order index now.
			order = orders.saveAndFlush(new DoseOrder(course, number, preview.doseMgPerKg(), preview.dosingWeight(),
					preview.weightKg(), preview.weightMeasuredAt(), preview.infusionMinutes(), form.vialConcentrationMgPerMl(),
					form.bagVolumeMl(), preview.calculation(), warnings, override, user.username(), clock.instant()));
		}
		catch (DataIntegrityViolationException signedMeanwhile) {
			throw new Conflict("Session " + number + " was given a signed order by someone else just now; reload the course");
		}
		audit.changed(course.patientId(), ORDER, order.id(), AuditAction.CREATE);
		events.publishEvent(new DoseOrderSigned(order.id(), user.clinicId(), course.patientId(), course.id(), number,
				order.doseMg()));
		return orderView(order);
	}

	@PreAuthorize("hasRole('PHYSICIAN')")
	CourseView voidOrder(UUID courseId, UUID orderId, ReasonForm form) {
		TreatmentCourse course = find(courseId);
		String reason = requireReason(form.reason());
		DoseOrder order = orders.findByClinicIdAndId(currentUser.clinic().value(), orderId)
			.filter(o -> o.courseId().equals(course.id()))
			.orElseThrow(() -> new NotFound(ORDER, orderId));
		if (course.session(order.sessionNumber()).map(CourseSession::isGiven).orElse(false)) {
			throw new Conflict("Session " + order.sessionNumber() + " was given under this order; it stays on record");
		}
		order.voidOrder(reason, currentUser.get().username(), clock.instant());
		audit.changed(course.patientId(), ORDER, order.id(), AuditAction.VOID);
		return view(course, protocolOf(course));
	}

	// --- TreatmentCourses, for other modules ---

	@Override
	@PreAuthorize("hasAnyRole('PHYSICIAN','NURSE','THERAPIST','FRONT_DESK')")
	public List<CourseOutline> activeCourses(UUID patientId) {
		List<TreatmentCourse> active = courses.findByClinicIdAndPatientIdOrderByCreatedAtDesc(currentUser.clinic().value(), patientId)
			.stream().filter(course -> course.status() == TreatmentCourse.Status.ACTIVE).toList();
		if (!active.isEmpty()) {
			audit.read(patientId, RESOURCE, "active");
		}
		return active.stream().map(CourseService::outlineOf).toList();
	}

	private static CourseOutline outlineOf(TreatmentCourse course) {
		return new CourseOutline(course.id(), course.patientId(), course.protocolCode(), course.route(), course.phase().name(),
				course.status().name(), course.sessions().stream()
					.map(s -> new PlannedSessionView(s.number(), s.phase().name(), s.earliestDate(), s.latestDate(), s.status().name()))
					.toList());
	}

	@Override
	@PreAuthorize("hasAnyRole('PHYSICIAN','NURSE','THERAPIST','FRONT_DESK')")
	public Optional<CourseOutline> outline(UUID courseId) {
		return courses.findByClinicIdAndId(currentUser.clinic().value(), courseId).map(course -> {
			audit.read(course.patientId(), RESOURCE, course.id());
			return new CourseOutline(course.id(), course.patientId(), course.protocolCode(), course.route(), course.phase().name(),
					course.status().name(), course.sessions().stream()
						.map(s -> new PlannedSessionView(s.number(), s.phase().name(), s.earliestDate(), s.latestDate(),
								s.status().name()))
						.toList());
		});
	}

	@Override
	@PreAuthorize("hasAnyRole('PHYSICIAN','NURSE')")
	public Optional<SignedOrder> signedOrder(UUID courseId, int sessionNumber) {
		return orders.findByClinicIdAndCourseIdAndSessionNumberAndVoidedAtIsNull(currentUser.clinic().value(), courseId, sessionNumber)
			.map(o -> {
				audit.read(o.patientId(), ORDER, o.id());
				return new SignedOrder(o.id(), o.courseId(), o.sessionNumber(), o.route(), o.doseMg(), o.infusionRateMlPerHour(),
						o.infusionMinutes(), o.devices(), o.signedBy(), o.signedAt());
			});
	}

	@Override
	@PreAuthorize("hasAnyRole('PHYSICIAN','NURSE')")
	public void recordSessionGiven(UUID courseId, int sessionNumber, Instant givenAt, BigDecimal doseMg,
			boolean severeDissociation, boolean bloodPressureAlert, @Nullable UUID sessionId) {
		recordOutcome(courseId, sessionNumber, new OutcomeForm(givenAt, doseMg, severeDissociation, bloodPressureAlert, sessionId));
	}

	// --- internals ---

	private DosePreview calculate(TreatmentCourse course, CourseSession session, OrderForm form) {
		Protocol protocol = protocolOf(course);
		ClinicalHistory chart = chart(course.patientId());
		ClinicPolicy policy = policies.current(currentUser.clinic());
		BigDecimal weight = chart.weightKg();
		if (weight == null) {
			throw new RuleViolation("No body weight on the chart", List.of(new RuleFinding("WEIGHT_REQUIRED", "BLOCK",
					"Record the patient's weight before a dose is calculated.")));
		}
		boolean racemic = protocol.doseUnit() == DoseUnit.MG_PER_KG;
		Integer minutes = course.route() == Route.IV_KETAMINE
				? (form.infusionMinutes() != null ? form.infusionMinutes() : protocol.infusionMinutes()) : form.infusionMinutes();
		if (racemic && form.doseMg() != null) {
			throw new InvalidInput("doseMg", "this course is dosed in mg/kg: give doseMgPerKg");
		}
		if (!racemic && form.doseMgPerKg() != null) {
			throw new InvalidInput("doseMgPerKg", "esketamine is dosed in mg: give doseMg");
		}
		BigDecimal ordered = racemic ? (form.doseMgPerKg() != null ? form.doseMgPerKg() : session.plannedDose())
				: (form.doseMg() != null ? form.doseMg() : session.plannedDose());
		DoseRequest request = new DoseRequest(course.route(), weight, chart.heightCm(), chart.patient().sexAtBirth(),
				racemic ? policy.dosingWeight() : DosingWeight.ACTUAL, racemic ? ordered : null, racemic ? null : ordered, minutes,
				form.vialConcentrationMgPerMl(), form.bagVolumeMl());
		List<BigDecimal> earlier = course.sessions().stream().filter(CourseSession::isGiven).map(CourseSession::givenDoseMg).toList();
		DoseContext context = new DoseContext(chart.weightMeasuredAt(), clock.instant(), policy.maxWeightAgeDays(),
				protocol.maxDose(), protocol.doseUnit(), protocol.requires56Before84(), earlier, age(chart),
				policy.olderAdultEsketamineStartsAt28());
		DoseCalculation calculation = calculator.calculate(request, context);
		return new DosePreview(session.number(), racemic ? ordered : null, calculation, weight,
				chart.weightMeasuredAt(), request.dosingWeight(), minutes);
	}

	/**
	 * Where the clinic starts patients 65 and over at 28 mg, an esketamine protocol for such a
	 * patient gains the 28 mg step (the EU label's 28 mg steps); nothing else changes.
	 */
	private Protocol adaptToPatient(Protocol protocol, ClinicalHistory chart, ClinicUser user) {
		ClinicPolicy policy = policies.current(user.clinicId());
		if (protocol.route() != Route.IN_ESKETAMINE || !policy.olderAdultEsketamineStartsAt28() || age(chart) < OLDER_ADULT_AGE
				|| protocol.isStep(BigDecimal.valueOf(28))) {
			return protocol;
		}
		List<BigDecimal> steps = new ArrayList<>();
		steps.add(BigDecimal.valueOf(28));
		steps.addAll(protocol.titrationSteps());
		return new Protocol(protocol.code(), protocol.name(), protocol.route(), protocol.indication(), protocol.doseUnit(),
				protocol.startDose(), steps, protocol.infusionMinutes(), protocol.induction(), protocol.maintenance(),
				protocol.maintenanceFrequencies(), protocol.stepUpAfterToleratedSessions(), protocol.sessionsPlannedAhead(),
				protocol.builtIn(), protocol.copiedFrom(), protocol.source());
	}

	private static BigDecimal startDose(FieldChecks checks, Protocol protocol, CourseForm form) {
		boolean perKg = protocol.doseUnit() == DoseUnit.MG_PER_KG;
		if (perKg && form.doseMg() != null) {
			checks.rule(false, "doseMg", protocol.code() + " is dosed in mg/kg: give doseMgPerKg");
		}
		if (!perKg && form.doseMgPerKg() != null) {
			checks.rule(false, "doseMgPerKg", protocol.code() + " is dosed in mg (28 mg devices): give doseMg");
		}
		BigDecimal dose = perKg ? form.doseMgPerKg() : form.doseMg();
		if (dose == null) {
			return protocol.startDose();
		}
		String field = perKg ? "doseMgPerKg" : "doseMg";
		checks.rule(protocol.isStep(dose), field, "must be one of the protocol's steps: "
				+ protocol.titrationSteps().stream().map(TreatmentCourse::plain).collect(Collectors.joining(", ")) + " "
				+ protocol.doseUnit().symbol());
		return dose;
	}

	private Optional<TitrationAdvisor.Suggestion> suggestion(TreatmentCourse course, Protocol protocol) {
		return suggestion(course, protocol, response(course));
	}

	private Optional<TitrationAdvisor.Suggestion> suggestion(TreatmentCourse course, Protocol protocol,
			Optional<TreatmentResponses.Response> response) {
		List<TitrationAdvisor.GivenSession> given = course.givenForAdvice();
		if (!course.active() || given.isEmpty()) {
			return Optional.empty();
		}
		// Non-response counts only when measured: a rating after the baseline.
		ResponseStatus status = response.filter(TreatmentResponses.Response::measured)
			.map(TreatmentResponses.Response::status)
			.orElse(ResponseStatus.NO_BASELINE);
		return TitrationAdvisor.suggest(protocol, course.phase(), course.currentDose(), given, status,
				course.lastTitrationDecisionSession());
	}

	/** The patient's response against the baseline of this course's first session; none once the course has ended. */
	private Optional<TreatmentResponses.Response> response(TreatmentCourse course) {
		return course.active() ? responses.current(course.patientId(), course.firstDosingDay(zone.zone()).orElse(null))
				: Optional.empty();
	}

	private CourseView view(TreatmentCourse course, Protocol protocol) {
		List<OrderView> allOrders = orders.findByClinicIdAndCourseIdOrderBySignedAtAsc(course.clinicId(), course.id()).stream()
			.map(this::orderView)
			.toList();
		Map<Integer, OrderView> current = allOrders.stream()
			.filter(o -> o.voidedAt() == null)
			.collect(Collectors.toMap(OrderView::sessionNumber, Function.identity(), (a, b) -> b));
		boolean perKg = protocol.doseUnit() == DoseUnit.MG_PER_KG;
		List<SessionView> sessions = course.sessions().stream()
			.map(s -> new SessionView(s.number(), s.phase().name(), s.earliestDate(), s.latestDate(), perKg ? null : s.plannedDose(),
					perKg ? s.plannedDose() : null, s.status().name(), s.givenAt(), s.givenDoseMg(), s.severeDissociation(),
					s.bloodPressureAlert(), current.get(s.number())))
			.toList();
		Optional<TreatmentResponses.Response> response = response(course);
		boolean checkDue = course.active() && course.phase() == org.ketamineclinic.protocol.library.Phase.INDUCTION
				&& course.sessions().stream()
					.noneMatch(s -> s.phase() == org.ketamineclinic.protocol.library.Phase.INDUCTION && s.planned());
		return new CourseView(course.id(), course.patientId(), course.protocolCode(), protocol.name(), course.route(),
				protocol.doseUnit().name(), course.phase().name(), course.status().name(), course.startDate(), course.currentDose(),
				protocol.maxDose(), protocol.titrationSteps(), course.maintenanceFrequency(), protocol.maintenanceFrequencies(),
				protocol.infusionMinutes(), course.version(), sessions, suggestion(course, protocol, response).orElse(null),
				response.orElse(null), checkDue,
				course.decisions().stream()
					.map(d -> new DecisionView(d.kind().name(), d.afterSession(), d.ruleId(), d.fromValue(), d.toValue(), d.reason(),
							d.decidedBy(), d.decidedAt()))
					.toList(),
				allOrders, course.createdBy(), course.createdAt());
	}

	@SuppressWarnings("unchecked")
	private OrderView orderView(DoseOrder o) {
		List<Map<String, String>> warnings = json.readValue(o.warnings(), List.class);
		return new OrderView(o.id(), o.sessionNumber(), o.doseMg(), o.doseMgPerKg(), o.dosingWeight(), o.dosingWeightKg(),
				o.weightKg(), o.weightMeasuredAt(), o.infusionMinutes(), o.vialMgPerMl(), o.bagVolumeMl(), o.drawVolumeMl(),
				o.infusionRateMlPerHour(), o.doseRateMgPerMinute(), o.devices(), warnings, o.hardStop(), o.overrideReason(),
				o.signedBy(), o.signedAt(), o.contentSha256(), o.signatureIntact(), o.voidedAt(), o.voidedBy(), o.voidReason());
	}

	private void voidOrdersOfCancelledSessions(TreatmentCourse course, String reason) {
		String by = currentUser.get().username();
		Instant now = clock.instant();
		course.sessions().stream()
			.filter(s -> s.status() == CourseSession.Status.CANCELLED)
			.forEach(s -> currentOrder(course, s.number()).ifPresent(order -> order.voidOrder(reason, by, now)));
	}

	private Optional<DoseOrder> currentOrder(TreatmentCourse course, int number) {
		return orders.findByClinicIdAndCourseIdAndSessionNumberAndVoidedAtIsNull(course.clinicId(), course.id(), number);
	}

	private static CourseSession plannedSession(TreatmentCourse course, int number) {
		CourseSession session = course.session(number).orElseThrow(() -> new NotFound("Course session", number));
		if (!session.planned()) {
			throw new Conflict("Session " + number + " is " + session.status() + "; only a planned session gets a dose order");
		}
		return session;
	}

	private TreatmentCourse find(UUID courseId) {
		return courses.findByClinicIdAndId(currentUser.clinic().value(), courseId)
			.orElseThrow(() -> new NotFound(RESOURCE, courseId));
	}

	private Protocol protocolOf(TreatmentCourse course) {
		return library.read(course.protocolJson());
	}

	private ClinicalHistory chart(UUID patientId) {
		return patients.clinicalHistory(patientId)
			.filter(c -> !c.patient().voided())
			.orElseThrow(() -> new NotFound("Patient", patientId));
	}

	private void chartSummary(UUID patientId) {
		patients.find(patientId).filter(p -> !p.voided()).orElseThrow(() -> new NotFound("Patient", patientId));
	}

	private int age(ClinicalHistory chart) {
		return Period.between(chart.patient().birthDate(), today()).getYears();
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(zone.zone()));
	}

	private static void checkVersion(TreatmentCourse course, @Nullable Long version) {
		if (version != null && version != course.version()) {
			throw new Conflict("The course was changed by someone else (now version " + course.version() + ", you had " + version
					+ "); reload it");
		}
	}

	private static String requireReason(@Nullable String reason) {
		String text = blankToNull(reason);
		if (text == null) {
			throw new InvalidInput("reason", "is required");
		}
		checkLength("reason", text);
		return text;
	}

	private static void checkLength(String field, @Nullable String text) {
		if (text != null && text.length() > 2000) {
			throw new InvalidInput(field, "must be at most 2000 characters");
		}
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}
}
