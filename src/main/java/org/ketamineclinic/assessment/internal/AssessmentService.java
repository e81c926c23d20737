package org.ketamineclinic.assessment.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.assessment.AssessmentRecorded;
import org.ketamineclinic.assessment.Instrument;
import org.ketamineclinic.assessment.ResponseStatus;
import org.ketamineclinic.assessment.TreatmentResponses;
import org.ketamineclinic.assessment.RiskAlertRaised;
import org.ketamineclinic.assessment.scales.Scale;
import org.ketamineclinic.assessment.scales.Scales;
import org.ketamineclinic.assessment.scales.Score;
import org.ketamineclinic.audit.AuditAction;
import org.ketamineclinic.audit.AuditTrail;
import org.ketamineclinic.identity.ClinicUser;
import org.ketamineclinic.identity.CurrentUser;
import org.ketamineclinic.patient.PatientRegistry;
import org.ketamineclinic.patient.PatientRegistry.PatientSummary;
import org.ketamineclinic.platform.ClinicTimeZone;
import org.ketamineclinic.platform.Codes;
import org.ketamineclinic.platform.FieldChecks;
import org.ketamineclinic.platform.InvalidInput;
import org.ketamineclinic.platform.NotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records and scores assessments. A suicide-risk flag creates its alert in the same transaction
 * as the assessment, so an assessment is never stored without the alert it calls for.
 */
@Service
@Transactional
class AssessmentService implements TreatmentResponses {

	static final String RESOURCE = "Assessment";
	static final String SUICIDE_RISK = "SUICIDE_RISK";
	static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);

	record Draft(@Nullable String instrument, @Nullable List<Integer> answers, @Nullable Instant completedAt,
			@Nullable UUID sessionId) {
	}

	record AssessmentView(UUID id, Instrument instrument, @Nullable Integer total, @Nullable String severity,
			List<Score.Flag> flags, Instant completedAt, List<Integer> answers, @Nullable UUID sessionId, String source,
			String enteredBy, @Nullable String crisisResources) {
	}

	record ResponseView(Instrument instrument, @Nullable Integer baseline, @Nullable Integer latest,
			@Nullable BigDecimal percentChange, ResponseStatus status) {
	}

	private final Assessments assessments;
	private final RiskAlerts alerts;
	private final AlertRouting routing;
	private final PatientRegistry patients;
	private final CurrentUser currentUser;
	private final AuditTrail audit;
	private final ApplicationEventPublisher events;
	private final OutcomeSettings settings;
	private final Clock clock;
	private final ClinicTimeZone zone;

	AssessmentService(Assessments assessments, RiskAlerts alerts, AlertRouting routing, PatientRegistry patients,
			CurrentUser currentUser, AuditTrail audit, ApplicationEventPublisher events, OutcomeSettings settings, Clock clock,
			ClinicTimeZone zone) {
		this.assessments = assessments;
		this.alerts = alerts;
		this.routing = routing;
		this.patients = patients;
		this.currentUser = currentUser;
		this.audit = audit;
		this.events = events;
		this.settings = settings;
		this.clock = clock;
		this.zone = zone;
	}

	Scale scale(Instrument instrument) {
		return Scales.of(instrument, settings.scaleSettings());
	}

	@PreAuthorize("hasAnyRole('PHYSICIAN','NURSE','THERAPIST','PATIENT')")
	AssessmentView record(UUID patientId, Draft draft) {
		ClinicUser user = currentUser.get();
		FieldChecks checks = new FieldChecks().require("answers", draft.answers());
		Instrument instrument = checks.check("instrument", () -> Codes.parse(Instrument.class, draft.instrument()));
		Instant now = clock.instant();
		Instant completedAt = draft.completedAt() == null ? now : draft.completedAt();
		checks.rule(!completedAt.isAfter(now.plus(FUTURE_TOLERANCE)), "completedAt", "cannot be more than 5 minutes in the future");
		checks.throwIfAny();
		Scale scale = scale(instrument);
		if (user.isPatient() && !scale.selfReport()) {
			throw new AccessDeniedException("Patients complete only self-report scales");
		}
		Score score = scale.score(draft.answers());
		PatientSummary patient = visiblePatient(patientId);
		Assessment assessment = assessments.save(new Assessment(user.clinicId(), patient.id(), scale, draft.answers(), score,
				completedAt, draft.sessionId(), user.isPatient() ? Assessment.Source.PATIENT : Assessment.Source.STAFF, now,
				user.username()));
		audit.changed(patient.id(), RESOURCE, assessment.id(), AuditAction.CREATE);
		boolean atRisk = false;
		for (Score.Flag flag : score.flags()) {
			if (flag.code().equals(SUICIDE_RISK)) {
				atRisk = true;
				RiskAlert alert = alerts.save(new RiskAlert(assessment, user.clinicId().value(), flag.code(), score.severity(),
						flag.message(), now, patient.responsiblePhysicianId()));
				routing.alertRaised(user.clinicId(), alert);
				events.publishEvent(new RiskAlertRaised(alert.id(), user.clinicId(), patient.id(), flag.code()));
			}
		}
		events.publishEvent(new AssessmentRecorded(assessment.id(), user.clinicId(), patient.id(), instrument, score.total(),
				score.severity(), completedAt));
		return view(assessment, atRisk);
	}

	/** How recent an outside assessment must be for its suicide-risk flag to raise an alert: the PHQ-9's own two-week window. */
	static final Duration EXTERNAL_ALERT_WINDOW = Duration.ofDays(14);

	/**
	 * An assessment scored elsewhere. Items, when given, are scored here and must agree with the
	 * given total; a total alone must be in the scale's range (its severity band follows, no flags).
	 * It publishes {@link AssessmentRecorded} like any other, so the outcomes read model sees the
	 * history. A suicide-risk flag raises an alert only when the assessment is recent (within two
	 * weeks): an item 9 answered months ago elsewhere is history for the physician reading the
	 * chart, not an emergency to route now; the flag is stored with the assessment either way.
	 */
	@PreAuthorize("hasRole('PHYSICIAN')")
	UUID recordExternal(UUID patientId, org.ketamineclinic.assessment.ExternalAssessments.ExternalAssessment external) {
		ClinicUser user = currentUser.get();
		Instant now = clock.instant();
		FieldChecks checks = new FieldChecks();
		checks.rule(!external.completedAt().isAfter(now.plus(FUTURE_TOLERANCE)), "completedAt",
				"cannot be more than 5 minutes in the future");
		Scale scale = scale(external.instrument());
		Scale.Range range = scale.totalRange();
		checks.rule(range != null, "instrument", "has no total score to import");
		checks.throwIfAny();
		Score score;
		if (!external.answers().isEmpty()) {
			score = scale.score(external.answers());
			checks.rule(external.total() == null || external.total().equals(score.total()), "total",
					"does not agree with the item answers");
		}
		else {
			Integer total = external.total();
			checks.require("total", total);
			if (total != null && range != null) {
				checks.rule(total >= range.min() && total <= range.max(), "total",
						"must be from " + range.min() + " to " + range.max());
			}
			checks.throwIfAny();
			String severity = scale.bands().stream().filter(b -> total >= b.min() && total <= b.max())
				.map(Scale.Band::severity).findFirst().orElse(null);
			score = new Score(total, severity, List.of());
		}
		checks.throwIfAny();
		PatientSummary patient = visiblePatient(patientId);
		Assessment assessment = assessments.save(new Assessment(user.clinicId(), patient.id(), scale, external.answers(), score,
				external.completedAt(), null, Assessment.Source.STAFF, now, user.username()));
		audit.changed(patient.id(), RESOURCE, assessment.id(), AuditAction.CREATE);
		if (!external.completedAt().isBefore(now.minus(EXTERNAL_ALERT_WINDOW))) {
			for (Score.Flag flag : score.flags()) {
				if (flag.code().equals(SUICIDE_RISK)) {
					RiskAlert alert = alerts.save(new RiskAlert(assessment, user.clinicId().value(), flag.code(), score.severity(),
							flag.message(), now, patient.responsiblePhysicianId()));
					routing.alertRaised(user.clinicId(), alert);
					events.publishEvent(new RiskAlertRaised(alert.id(), user.clinicId(), patient.id(), flag.code()));
				}
			}
		}
		events.publishEvent(new AssessmentRecorded(assessment.id(), user.clinicId(), patient.id(), scale.instrument(),
				score.total(), score.severity(), external.completedAt()));
		return assessment.id();
	}

	@PreAuthorize("hasAnyRole('PHYSICIAN','NURSE','THERAPIST','PATIENT')")
	List<AssessmentView> list(UUID patientId, @Nullable String instrument) {
		PatientSummary patient = visiblePatient(patientId);
		Instrument only = instrument == null || instrument.isBlank() ? null : Codes.parse(Instrument.class, instrument, "instrument");
		audit.read(patient.id(), RESOURCE, "list");
		return assessments.findByClinicIdAndPatientIdAndVoidedAtIsNullOrderByCompletedAtDesc(currentUser.clinic().value(),
				patient.id()).stream()
			.filter(a -> only == null || a.instrument() == only)
			.map(a -> view(a, false))
			.toList();
	}

	@PreAuthorize("hasAnyRole('PHYSICIAN','NURSE','THERAPIST','PATIENT')")
	ResponseView response(UUID patientId, String instrumentCode) {
		PatientSummary patient = visiblePatient(patientId);
		Instrument instrument = Codes.parse(Instrument.class, instrumentCode, "instrument");
		audit.read(patient.id(), "Response", instrument.name());
		// Dosing sessions arrive with the session module; until then the baseline is the earliest score.
		ResponsePolicy.Result result = evaluate(patient.id(), instrument, null);
		return new ResponseView(instrument, result.baseline(), result.latest(), result.percentChange(), result.status());
	}

	@Override
	@PreAuthorize("hasAnyRole('PHYSICIAN','NURSE','THERAPIST')")
	public Optional<Response> current(UUID patientId, @Nullable LocalDate firstDosingDay) {
		PatientSummary patient = visiblePatient(patientId);
		Response withoutBaseline = null;
		for (Instrument instrument : PREFERENCE) {
			List<ResponsePolicy.Point> points = points(patient.id(), instrument);
			ResponsePolicy.Result result = new ResponsePolicy(settings).evaluate(instrument, points, firstDosingDay, zone.zone());
			long after = firstDosingDay == null ? Math.max(0, points.size() - 1)
					: points.stream().filter(p -> p.at().atZone(zone.zone()).toLocalDate().isAfter(firstDosingDay)).count();
			Response response = new Response(instrument, result.baseline(), result.latest(), result.percentChange(),
					result.status(), (int) after);
			if (result.status() != ResponseStatus.NO_BASELINE) {
				audit.read(patient.id(), "Response", instrument.name());
				return Optional.of(response);
			}
			if (withoutBaseline == null && result.latest() != null) {
				withoutBaseline = response;
			}
		}
		if (withoutBaseline != null) {
			audit.read(patient.id(), "Response", withoutBaseline.instrument().name());
		}
		return Optional.ofNullable(withoutBaseline);
	}

	private ResponsePolicy.Result evaluate(UUID patientId, Instrument instrument, @Nullable LocalDate firstDosingDay) {
		return new ResponsePolicy(settings).evaluate(instrument, points(patientId, instrument), firstDosingDay, zone.zone());
	}

	private List<ResponsePolicy.Point> points(UUID patientId, Instrument instrument) {
		List<ResponsePolicy.Point> points = new ArrayList<>();
		for (Assessment a : assessments.findByClinicIdAndPatientIdAndInstrumentAndVoidedAtIsNullOrderByCompletedAtAsc(
				currentUser.clinic().value(), patientId, instrument)) {
			if (a.total() != null) {
				points.add(new ResponsePolicy.Point(a.completedAt(), a.total()));
			}
		}
		return points;
	}

	private PatientSummary visiblePatient(UUID patientId) {
		return patients.find(patientId).filter(p -> !p.voided()).orElseThrow(() -> new NotFound("Patient", patientId));
	}

	private AssessmentView view(Assessment a, boolean showCrisisResources) {
		return new AssessmentView(a.id(), a.instrument(), a.total(), a.severity(), a.flagList(), a.completedAt(), a.answers(),
				a.sessionId(), a.source().name(), a.createdBy(), showCrisisResources ? settings.crisisResources() : null);
	}
}
