package org.ketamineclinic.evaluation.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.evaluation.Decision;
import org.ketamineclinic.evaluation.Indication;
import org.ketamineclinic.evaluation.Route;
import org.ketamineclinic.evaluation.internal.EvaluationService.Acknowledgement;
import org.ketamineclinic.evaluation.internal.EvaluationService.EvaluationView;
import org.ketamineclinic.evaluation.internal.EvaluationService.FindingView;
import org.ketamineclinic.patient.ChartBanner;
import org.ketamineclinic.patient.PatientRegistry;
import org.ketamineclinic.patient.PatientRegistry.PatientSummary;
import org.ketamineclinic.platform.ClinicTimeZone;
import org.ketamineclinic.platform.Conflict;
import org.ketamineclinic.platform.FieldProblem;
import org.ketamineclinic.platform.InvalidInput;
import org.ketamineclinic.platform.NotFound;
import org.ketamineclinic.platform.RuleViolation;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The "Evaluation" tab of a patient's chart: the patient's evaluations, a form to run a new one,
 * and each evaluation's decision, trials and findings with the physician's sign-off.
 */
@Controller
@PreAuthorize("hasAnyRole('PHYSICIAN','NURSE','THERAPIST')")
class EvaluationPages {

	record Choice(String code, String label) {
	}

	/** One finding as the detail page shows it, with what the sign-off said about it. */
	record FindingRow(FindingView finding, boolean needsAcknowledgement, boolean locked, @Nullable String reason,
			@Nullable String error) {
	}

	/** The findings of one severity, in the order the rules gave them. */
	record FindingGroup(String severity, String title, String hint, List<FindingRow> rows) {
	}

	/** What the physician typed, kept when the sign-off is refused. */
	record SignOffForm(@Nullable String decision, @Nullable String note, Map<String, String> reasons,
			@Nullable String decisionError, @Nullable String noteError, List<String> formErrors) {

		static SignOffForm blank() {
			return new SignOffForm(null, null, Map.of(), null, null, List.of());
		}
	}

	private static final Map<String, String[]> SEVERITIES = new LinkedHashMap<>();

	static {
		SEVERITIES.put("ABSOLUTE", new String[] { "Absolute contraindications",
				"Rule the treatment out. Clinic-level ones for racemic ketamine may be overridden with a reason." });
		SEVERITIES.put("RELATIVE", new String[] { "Relative contraindications and cautions",
				"Each needs the physician's acknowledgement with a reason before approval." });
		SEVERITIES.put("INFO", new String[] { "Information", "For the record; nothing to acknowledge." });
	}

	private final EvaluationService evaluations;
	private final PatientRegistry patients;
	private final ClinicTimeZone zone;

	EvaluationPages(EvaluationService evaluations, PatientRegistry patients, ClinicTimeZone zone) {
		this.evaluations = evaluations;
		this.patients = patients;
		this.zone = zone;
	}

	@GetMapping("/patients/{id}/evaluations")
	String list(@PathVariable UUID id, Model model) {
		return list(id, model, null, null, List.of());
	}

	@PostMapping("/patients/{id}/evaluations")
	String evaluate(@PathVariable UUID id, @RequestParam(required = false) @Nullable String route,
			@RequestParam(required = false) @Nullable String indication, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		try {
			EvaluationView created = evaluations.evaluate(id, new EvaluationService.Request(route, indication));
			redirect.addFlashAttribute("notice", "Evaluated for " + created.route().label() + ": " + label(created.decision()) + ".");
			return "redirect:/evaluations/" + created.id();
		}
		catch (InvalidInput invalid) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return list(id, model, route, indication, invalid.problems());
		}
	}

	@GetMapping("/evaluations/{id}")
	String detail(@PathVariable UUID id, Model model) {
		return detail(evaluations.get(id), model, SignOffForm.blank(), Map.of());
	}

	@PostMapping("/evaluations/{id}/sign-off")
	String signOff(@PathVariable UUID id, @RequestParam Map<String, String> fields, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		String decision = fields.get("decision");
		String note = fields.get("note");
		// The reasons typed, by rule, in the order of the findings; blank ones are not acknowledgements.
		Map<String, String> reasons = new LinkedHashMap<>();
		fields.forEach((name, value) -> {
			if (name.startsWith("ack[") && name.endsWith("]")) {
				reasons.put(name.substring(4, name.length() - 1), value);
			}
		});
		List<Acknowledgement> acknowledgements = new ArrayList<>();
		List<String> acknowledged = new ArrayList<>();
		reasons.forEach((ruleId, reason) -> {
			if (reason != null && !reason.isBlank()) {
				acknowledgements.add(new Acknowledgement(ruleId, reason));
				acknowledged.add(ruleId);
			}
		});
		try {
			EvaluationView signed = evaluations.signOff(id, new EvaluationService.SignOffRequest(decision, note, acknowledgements));
			redirect.addFlashAttribute("notice", "Signed off: " + signed.signedOff().decision() + ".");
			return "redirect:/evaluations/" + id;
		}
		catch (Conflict conflict) {
			redirect.addFlashAttribute("problem", "Not signed off: " + conflict.getMessage());
			return "redirect:/evaluations/" + id;
		}
		catch (RuleViolation violation) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			EvaluationView evaluation = evaluations.get(id);
			Map<String, String> errors = new LinkedHashMap<>();
			List<String> formErrors = new ArrayList<>();
			formErrors.add("Not approved: " + violation.getMessage() + ".");
			for (RuleViolation.RuleFinding finding : violation.findings()) {
				String message = evaluation.findings().stream().filter(f -> f.ruleId().equals(finding.ruleId())).findFirst()
					.map(f -> finding.message().startsWith(f.message()) ? finding.message().substring(f.message().length()).strip()
							: finding.message())
					.orElse(null);
				if (message != null) {
					errors.merge(finding.ruleId(), message, (a, b) -> a + " " + b);
				}
				else {
					formErrors.add(finding.message());
				}
			}
			return detail(evaluation, model, new SignOffForm(decision, note, reasons, null, null, formErrors), errors);
		}
		catch (InvalidInput invalid) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			String decisionError = null;
			String noteError = null;
			Map<String, String> errors = new LinkedHashMap<>();
			List<String> formErrors = new ArrayList<>();
			formErrors.add("Not signed off: see the marked fields.");
			for (FieldProblem problem : invalid.problems()) {
				String ruleId = ruleOf(problem.field(), acknowledged);
				if (problem.field().equals("decision")) {
					decisionError = "Choose approve or decline.";
				}
				else if (problem.field().equals("note")) {
					noteError = "A note " + problem.message() + ".";
				}
				else if (ruleId != null) {
					errors.merge(ruleId, "The reason " + problem.message() + ".", (a, b) -> a + " " + b);
				}
				else {
					formErrors.add(problem.field() + ": " + problem.message());
				}
			}
			return detail(evaluations.get(id), model,
					new SignOffForm(decision, note, reasons, decisionError, noteError, formErrors), errors);
		}
	}

	/** The rule behind "acknowledgements[i].reason", by the order the acknowledgements were sent in. */
	private static @Nullable String ruleOf(String field, List<String> acknowledged) {
		if (!field.startsWith("acknowledgements[")) {
			return null;
		}
		try {
			int index = Integer.parseInt(field.substring("acknowledgements[".length(), field.indexOf(']')));
			return index < acknowledged.size() ? acknowledged.get(index) : null;
		}
		catch (RuntimeException unreadable) {
			return null;
		}
	}

	private String list(UUID id, Model model, @Nullable String route, @Nullable String indication, List<FieldProblem> problems) {
		PatientSummary patient = patients.find(id).orElseThrow(() -> new NotFound("Patient", id));
		model.addAttribute("banner", banner(patient));
		model.addAttribute("patientId", id);
		model.addAttribute("evaluations", evaluations.forPatient(id));
		model.addAttribute("routes", Arrays.stream(Route.values()).map(r -> new Choice(r.name(), r.label())).toList());
		model.addAttribute("indications", Arrays.stream(Indication.values()).map(i -> new Choice(i.name(), i.label())).toList());
		model.addAttribute("route", route);
		model.addAttribute("indication", indication);
		model.addAttribute("routeError", problems.stream().filter(p -> p.field().equals("route")).map(FieldProblem::message)
			.findFirst().orElse(null));
		model.addAttribute("indicationError", problems.stream().filter(p -> p.field().equals("indication"))
			.map(FieldProblem::message).findFirst().orElse(null));
		model.addAttribute("decisions", decisionLabels());
		model.addAttribute("zone", zone.zone());
		return "evaluations/list";
	}

	private String detail(EvaluationView evaluation, Model model, SignOffForm form, Map<String, String> errors) {
		PatientSummary patient = patients.find(evaluation.patientId())
			.orElseThrow(() -> new NotFound("Patient", evaluation.patientId()));
		Map<String, String> given = new LinkedHashMap<>(form.reasons());
		if (evaluation.signedOff() != null) {
			evaluation.signedOff().acknowledgements().forEach(a -> given.put(a.ruleId(), a.reason()));
		}
		List<FindingGroup> groups = new ArrayList<>();
		SEVERITIES.forEach((severity, text) -> {
			List<FindingRow> rows = evaluation.findings().stream().filter(f -> f.severity().equals(severity))
				.map(f -> new FindingRow(f, needsAcknowledgement(f), f.severity().equals("ABSOLUTE") && !f.overridable(),
						given.get(f.ruleId()), errors.get(f.ruleId())))
				.toList();
			if (!rows.isEmpty()) {
				groups.add(new FindingGroup(severity, text[0], text[1], rows));
			}
		});
		Map<String, String> messages = new LinkedHashMap<>();
		evaluation.findings().forEach(f -> messages.put(f.ruleId(), f.message()));
		model.addAttribute("banner", banner(patient));
		model.addAttribute("patientId", patient.id());
		model.addAttribute("e", evaluation);
		model.addAttribute("decisionLabel", label(evaluation.decision()));
		model.addAttribute("groups", groups);
		model.addAttribute("toAcknowledge", evaluation.findings().stream().filter(EvaluationPages::needsAcknowledgement).count());
		model.addAttribute("findingMessages", messages);
		model.addAttribute("form", form);
		model.addAttribute("canSignOff", evaluation.signedOff() == null && !evaluation.outOfDate());
		model.addAttribute("zone", zone.zone());
		return "evaluations/detail";
	}

	static boolean needsAcknowledgement(FindingView f) {
		return f.severity().equals("RELATIVE") || (f.severity().equals("ABSOLUTE") && f.overridable());
	}

	static String label(Decision decision) {
		return decisionLabels().get(decision.name());
	}

	static Map<String, String> decisionLabels() {
		Map<String, String> labels = new LinkedHashMap<>();
		labels.put(Decision.ELIGIBLE.name(), "Eligible");
		labels.put(Decision.ELIGIBLE_WITH_CAUTIONS.name(), "Eligible with cautions");
		labels.put(Decision.INELIGIBLE.name(), "Ineligible");
		labels.put(Decision.INCOMPLETE.name(), "Incomplete");
		return labels;
	}

	private ChartBanner banner(PatientSummary p) {
		return ChartBanner.of(p, LocalDate.now(zone.zone()));
	}
}
