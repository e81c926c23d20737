package org.ketamineclinic.evaluation.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.assessment.DepressionScales;
import org.ketamineclinic.audit.AuditAction;
import org.ketamineclinic.audit.AuditTrail;
import org.ketamineclinic.evaluation.ApprovedEvaluations;
import org.ketamineclinic.evaluation.Decision;
import org.ketamineclinic.evaluation.Indication;
import org.ketamineclinic.evaluation.Route;
import org.ketamineclinic.evaluation.rules.ClinicPolicy;
import org.ketamineclinic.evaluation.rules.EvaluationEngine;
import org.ketamineclinic.evaluation.rules.EvaluationFacts;
import org.ketamineclinic.evaluation.rules.EvaluationOutcome;
import org.ketamineclinic.evaluation.rules.Finding;
import org.ketamineclinic.identity.ClinicUser;
import org.ketamineclinic.identity.CurrentUser;
import org.ketamineclinic.patient.PatientHistoryChanged;
import org.ketamineclinic.patient.PatientRegistry;
import org.ketamineclinic.patient.PatientRegistry.ClinicalHistory;
import org.ketamineclinic.platform.ClinicTimeZone;
import org.ketamineclinic.platform.Codes;
import org.ketamineclinic.platform.Conflict;
import org.ketamineclinic.platform.FieldChecks;
import org.ketamineclinic.platform.InvalidInput;
import org.ketamineclinic.platform.NotFound;
import org.ketamineclinic.platform.RuleViolation;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the rules on the patient's chart, keeps what they found, and takes the physician's
 * sign-off: every relative finding acknowledged with a reason, clinic-level absolutes for racemic
 * ketamine overridden only with a reason, esketamine label absolutes never.
 */
@Service
@Transactional
class EvaluationService implements ApprovedEvaluations {

	static final String RESOURCE = "Evaluation";
	private static final EvaluationEngine ENGINE = EvaluationEngine.standard();

	record Request(@Nullable String route, @Nullable String indication) {
	}

	record Acknowledgement(@Nullable String ruleId, @Nullable String reason) {
	}

	record SignOffRequest(@Nullable String decision, @Nullable String note, @Nullable List<Acknowledgement> acknowledgements) {
	}

	record FindingView(String ruleId, String severity, String message, String source, boolean regulatory, boolean overridable) {
	}

	record TrialView(String drug, @Nullable String drugClass, String dailyDoseMg, String start, @Nullable String end,
			long weeks, boolean adequateFailure, String reason) {
	}

	record SignOffView(String by, Instant at, String decision, String note, List<Acknowledgement> acknowledgements) {
	}

	record EvaluationView(UUID id, UUID patientId, Route route, Indication indication, Decision decision,
			int adequateFailedTrials, boolean treatmentResistant, List<FindingView> findings, List<String> missing,
			List<TrialView> trials, Instant createdAt, String createdBy, boolean outOfDate, @Nullable Instant outOfDateAt,
			@Nullable String outOfDateReason, @Nullable SignOffView signedOff) {
	}

	private final Evaluations evaluations;
	private final PatientRegistry patients;
	private final DepressionScales depressionScales;
	private final ClinicPolicies policies;
	private final JdbcTemplate jdbc;
	private final JsonMapper json;
	private final CurrentUser currentUser;
	private final AuditTrail audit;
	private final Clock clock;
	private final ClinicTimeZone zone;

	EvaluationService(Evaluations evaluations, PatientRegistry patients, DepressionScales depressionScales,
			ClinicPolicies policies, JdbcTemplate jdbc, JsonMapper json, CurrentUser currentUser, AuditTrail audit,
			Clock clock, ClinicTimeZone zone) {
		this.evaluations = evaluations;
		this.patients = patients;
		this.depressionScales = depressionScales;
		this.policies = policies;
		this.jdbc = jdbc;
		this.json = json;
		this.currentUser = currentUser;
		this.audit = audit;
		this.clock = clock;
		this.zone = zone;
	}

	@PreAuthorize("hasAnyRole('PHYSICIAN','NURSE')")
	EvaluationView evaluate(UUID patientId, Request request) {
		FieldChecks checks = new FieldChecks();
		Route route = checks.check("route", () -> Codes.parse(Route.class, request.route()));
		Indication indication = checks.check("indication", () -> Codes.parse(Indication.class, request.indication()));
		checks.throwIfAny();
		ClinicalHistory history = patients.clinicalHistory(patientId).filter(h -> !h.patient().voided())
			.orElseThrow(() -> new NotFound("Patient", patientId));
		EvaluationFacts facts = Facts.of(route, indication, LocalDate.now(clock.withZone(zone.zone())), history,
				depressionScales.latest(patientId).orElse(null));
		ClinicPolicy policy = policies.current(currentUser.clinic());
		EvaluationOutcome outcome = ENGINE.evaluate(facts, policy);
		ClinicUser user = currentUser.get();
		Evaluation evaluation = evaluations.save(new Evaluation(user.clinicId().value(), patientId, route, indication,
				outcome.decision(), outcome.adequateFailedTrials(), outcome.treatmentResistant(),
				json.writeValueAsString(outcome.findings().stream().map(EvaluationService::view).toList()),
				json.writeValueAsString(outcome.missing()),
				json.writeValueAsString(outcome.trials().stream().map(t -> new TrialView(t.trial().drug(), t.trial().drugClass(),
						t.trial().dailyDoseMg().toPlainString(), t.trial().start().toString(),
						t.trial().end() == null ? null : t.trial().end().toString(), t.weeks(), t.adequateFailure(), t.reason()))
					.toList()),
				clock.instant(), user.username()));
		audit.changed(patientId, RESOURCE, evaluation.id(), AuditAction.CREATE);
		return view(evaluation, null);
	}

	@PreAuthorize("hasAnyRole('PHYSICIAN','NURSE','THERAPIST')")
	EvaluationView get(UUID id) {
		Evaluation evaluation = find(id);
		audit.read(evaluation.patientId(), RESOURCE, id);
		return view(evaluation, signOff(id).orElse(null));
	}

	@PreAuthorize("hasAnyRole('PHYSICIAN','NURSE','THERAPIST')")
	List<EvaluationView> forPatient(UUID patientId) {
		patients.find(patientId).orElseThrow(() -> new NotFound("Patient", patientId));
		audit.read(patientId, RESOURCE, "list");
		return evaluations.findByClinicIdAndPatientIdOrderByCreatedAtDesc(currentUser.clinic().value(), patientId).stream()
			.map(e -> view(e, signOff(e.id()).orElse(null)))
			.toList();
	}

	@PreAuthorize("hasRole('PHYSICIAN')")
	EvaluationView signOff(UUID id, SignOffRequest request) {
		FieldChecks checks = new FieldChecks().require("note", request.note());
		String decision = request.decision() == null ? null : request.decision().strip();
		checks.rule("APPROVED".equals(decision) || "DECLINED".equals(decision), "decision", "must be APPROVED or DECLINED")
			.rule(request.note() == null || request.note().length() <= 2000, "note", "must be at most 2000 characters");
		Map<String, String> reasons = new HashMap<>();
		List<Acknowledgement> given = request.acknowledgements() == null ? List.of() : request.acknowledgements();
		for (int i = 0; i < given.size(); i++) {
			Acknowledgement ack = given.get(i);
			checks.require("acknowledgements[" + i + "].ruleId", ack.ruleId())
				.require("acknowledgements[" + i + "].reason", ack.reason())
				.rule(ack.reason() == null || ack.reason().length() <= 1000, "acknowledgements[" + i + "].reason",
						"must be at most 1000 characters");
			if (ack.ruleId() != null && ack.reason() != null && !ack.reason().isBlank()) {
				reasons.put(ack.ruleId(), ack.reason().strip());
			}
		}
		checks.throwIfAny();
		Evaluation evaluation = find(id);
		if (signOff(id).isPresent()) {
			throw new Conflict("This evaluation is already signed off; sign-offs cannot be changed");
		}
		if (!evaluation.isCurrent()) {
			throw new Conflict("The chart changed after this evaluation (" + evaluation.outOfDateReason()
					+ "): evaluate again before signing off");
		}
		List<FindingView> findings = findings(evaluation);
		for (String ruleId : reasons.keySet()) {
			if (findings.stream().noneMatch(f -> f.ruleId().equals(ruleId))) {
				throw new InvalidInput("acknowledgements", "rule " + ruleId + " is not a finding of this evaluation");
			}
		}
		if (decision.equals("APPROVED")) {
			requireApprovable(evaluation, findings, reasons);
		}
		ClinicUser user = currentUser.get();
		Instant now = clock.instant();
		jdbc.update("INSERT INTO evaluation_sign_off (evaluation_id, decision, note, signed_by, signed_at) VALUES (?, ?, ?, ?, ?)",
				id, decision, request.note().strip(), user.username(), Timestamp.from(now));
		reasons.forEach((ruleId, reason) -> jdbc.update(
				"INSERT INTO evaluation_acknowledgement (evaluation_id, rule_id, reason) VALUES (?, ?, ?)", id, ruleId, reason));
		audit.changed(evaluation.patientId(), "EvaluationSignOff", id, AuditAction.UPDATE);
		return view(evaluation, signOff(id).orElseThrow());
	}

	/** Approval needs a complete evaluation, no label absolute, and a reason for every finding that asks for one. */
	private static void requireApprovable(Evaluation evaluation, List<FindingView> findings, Map<String, String> reasons) {
		List<RuleViolation.RuleFinding> blocking = new ArrayList<>();
		for (FindingView finding : findings) {
			boolean absolute = finding.severity().equals("ABSOLUTE");
			if (absolute && !finding.overridable()) {
				blocking.add(new RuleViolation.RuleFinding(finding.ruleId(), finding.severity(),
						finding.message() + " This cannot be overridden."));
			}
			else if ((absolute || finding.severity().equals("RELATIVE")) && !reasons.containsKey(finding.ruleId())) {
				blocking.add(new RuleViolation.RuleFinding(finding.ruleId(), finding.severity(),
						finding.message() + " Acknowledge it with a reason to approve."));
			}
		}
		if (evaluation.decision() == Decision.INCOMPLETE && blocking.isEmpty()) {
			blocking.add(new RuleViolation.RuleFinding("EVALUATION_INCOMPLETE", "ABSOLUTE",
					"The evaluation is incomplete: record what is missing and evaluate again."));
		}
		if (!blocking.isEmpty()) {
			throw new RuleViolation("The evaluation cannot be approved as it stands", blocking);
		}
	}

	@Override
	@Transactional(readOnly = true)
	public boolean hasCurrentApproval(UUID patientId, Route route) {
		return evaluations.findByClinicIdAndPatientIdAndOutOfDateAtIsNull(currentUser.clinic().value(), patientId).stream()
			.filter(e -> e.route() == route)
			.anyMatch(e -> signOff(e.id()).map(s -> s.decision().equals("APPROVED")).orElse(false));
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Indication> approvedIndication(UUID patientId, Route route) {
		return evaluations.findByClinicIdAndPatientIdAndOutOfDateAtIsNull(currentUser.clinic().value(), patientId).stream()
			.filter(e -> e.route() == route)
			.filter(e -> signOff(e.id()).map(s -> s.decision().equals("APPROVED")).orElse(false))
			.map(Evaluation::indication)
			.findFirst();
	}

	/** A change to what the rules read makes every current evaluation of the patient out of date, in the same transaction. */
	@EventListener
	void on(PatientHistoryChanged changed) {
		Instant now = clock.instant();
		evaluations.findByClinicIdAndPatientIdAndOutOfDateAtIsNull(changed.clinicId().value(), changed.patientId())
			.forEach(evaluation -> evaluation.markOutOfDate(now, "a " + changed.what() + " was recorded"));
	}

	private Evaluation find(UUID id) {
		Evaluation evaluation = evaluations.findByClinicIdAndId(currentUser.clinic().value(), id)
			.orElseThrow(() -> new NotFound(RESOURCE, id));
		return evaluation;
	}

	private Optional<SignOffView> signOff(UUID id) {
		List<SignOffView> found = jdbc.query("SELECT * FROM evaluation_sign_off WHERE evaluation_id = ?",
				(rs, row) -> new SignOffView(rs.getString("signed_by"), rs.getTimestamp("signed_at").toInstant(),
						rs.getString("decision"), rs.getString("note"),
						jdbc.query("SELECT rule_id, reason FROM evaluation_acknowledgement WHERE evaluation_id = ? ORDER BY rule_id",
								(ack, n) -> new Acknowledgement(ack.getString("rule_id"), ack.getString("reason")), id)),
				id);
		return found.stream().findFirst();
	}

	private List<FindingView> findings(Evaluation e) {
		return json.readValue(e.findings(), new TypeReference<List<FindingView>>() {
		});
	}

	private EvaluationView view(Evaluation e, @Nullable SignOffView signOff) {
		return new EvaluationView(e.id(), e.patientId(), e.route(), e.indication(), e.decision(), e.adequateFailedTrials(),
				e.treatmentResistant(), findings(e), json.readValue(e.missing(), new TypeReference<List<String>>() {
				}), json.readValue(e.trials(), new TypeReference<List<TrialView>>() {
				}), e.createdAt(), e.createdBy(), !e.isCurrent(), e.outOfDateAt(), e.outOfDateReason(), signOff);
	}

	private static FindingView view(Finding f) {
		return new FindingView(f.ruleId(), f.severity().name(), f.message(), f.source(), f.regulatory(), f.overridable());
	}
}
