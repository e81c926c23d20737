package org.ketamineclinic.patient.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.patient.CodeSystem;
import org.ketamineclinic.patient.FindingStatus;
import org.ketamineclinic.patient.HistoryFindingCode;
import org.ketamineclinic.patient.MedicationClass;
import org.ketamineclinic.patient.SexAtBirth;
import org.ketamineclinic.patient.TrialOutcome;
import org.ketamineclinic.patient.internal.ChartEntryDrafts.ConditionDraft;
import org.ketamineclinic.patient.internal.ChartEntryDrafts.HistoryFindingDraft;
import org.ketamineclinic.patient.internal.ChartEntryDrafts.MeasurementDraft;
import org.ketamineclinic.patient.internal.ChartEntryDrafts.MedicationDraft;
import org.ketamineclinic.patient.internal.ChartEntryDrafts.TrialDraft;
import org.ketamineclinic.patient.internal.ChartEntryDrafts.VoidDraft;
import org.ketamineclinic.platform.ClinicTimeZone;
import org.ketamineclinic.platform.Conflict;
import org.ketamineclinic.platform.FieldProblem;
import org.ketamineclinic.platform.InvalidInput;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The staff pages of the registry: list with live search, registration form, chart with tabs. */
@Controller
@RequestMapping("/patients")
class PatientPages {

	static final Set<String> TABS = Set.of("summary", "history", "measurements");

	/** The registration and correction form, bound field by field. */
	record PatientForm(@Nullable String givenName, @Nullable String familyName,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate birthDate, @Nullable String sexAtBirth,
			@Nullable String genderIdentity, @Nullable String phone, @Nullable String email, @Nullable String addressLine,
			@Nullable String city, @Nullable String region, @Nullable String postalCode, @Nullable String preferredLanguage,
			@Nullable String emergencyContactName, @Nullable String emergencyContactPhone,
			@Nullable String emergencyContactRelationship, @Nullable String escortName, @Nullable String escortPhone,
			@Nullable BigDecimal heightCm, @Nullable BigDecimal weightKg, @Nullable Long version) {

		static PatientForm empty() {
			return new PatientForm(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
					null, null, null, null);
		}

		static PatientForm of(ChartViews.PatientView p) {
			return new PatientForm(p.givenName(), p.familyName(), p.birthDate(), p.sexAtBirth().name(), p.genderIdentity(),
					p.phone(), p.email(), p.addressLine(), p.city(), p.region(), p.postalCode(), p.preferredLanguage(),
					p.emergencyContactName(), p.emergencyContactPhone(), p.emergencyContactRelationship(), p.escortName(),
					p.escortPhone(), null, null, p.version());
		}

		Demographics.Draft demographics() {
			return new Demographics.Draft(givenName, familyName, birthDate, sexAtBirth, genderIdentity, phone, email, addressLine,
					city, region, postalCode, preferredLanguage, emergencyContactName, emergencyContactPhone,
					emergencyContactRelationship, escortName, escortPhone);
		}
	}

	record MeasurementForm(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable LocalDateTime measuredAt,
			@Nullable BigDecimal weightKg, @Nullable BigDecimal heightCm, @Nullable Integer sbp, @Nullable Integer dbp) {
	}

	private final PatientService patients;
	private final ClinicTimeZone zone;

	PatientPages(PatientService patients, ClinicTimeZone zone) {
		this.patients = patients;
		this.zone = zone;
	}

	@GetMapping
	String list(@RequestParam(required = false) @Nullable String query, Model model) {
		model.addAttribute("query", query == null ? "" : query);
		model.addAttribute("hits", patients.search(query));
		return "patients/list";
	}

	/** The live-search fragment htmx swaps in while the person types. */
	@GetMapping("/search")
	String search(@RequestParam(required = false) @Nullable String query, Model model) {
		model.addAttribute("query", query == null ? "" : query);
		model.addAttribute("hits", patients.search(query));
		return "patients/list :: results";
	}

	@GetMapping("/new")
	String registrationForm(Model model) {
		return form(model, PatientForm.empty(), null, Map.of());
	}

	@PostMapping
	String register(@ModelAttribute PatientForm form, Model model) {
		MeasurementDraft first = form.weightKg() == null && form.heightCm() == null ? null
				: new MeasurementDraft(null, form.weightKg(), form.heightCm());
		try {
			return "redirect:/patients/" + patients.register(form.demographics(), first).id();
		}
		catch (InvalidInput invalid) {
			return form(model, form, null, errors(invalid.problems()));
		}
	}

	@GetMapping("/{id}")
	String chart(@PathVariable UUID id, @RequestParam(defaultValue = "summary") String tab,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
		String shown = TABS.contains(tab) ? tab : "summary";
		model.addAttribute("chart", patients.chart(id));
		model.addAttribute("tab", shown);
		model.addAttribute("zone", zone.zone());
		addChoices(model);
		// htmx asks only for the tab panel; a plain request gets the whole page.
		return htmx != null ? "patients/chart :: panel" : "patients/chart";
	}

	@GetMapping("/{id}/edit")
	String editForm(@PathVariable UUID id, Model model) {
		return form(model, PatientForm.of(patients.view(id)), id, Map.of());
	}

	@PostMapping("/{id}")
	String correct(@PathVariable UUID id, @ModelAttribute PatientForm form, Model model, RedirectAttributes redirect) {
		try {
			patients.correct(id, form.demographics(), form.version());
		}
		catch (InvalidInput invalid) {
			return form(model, form, id, errors(invalid.problems()));
		}
		catch (Conflict | org.springframework.dao.OptimisticLockingFailureException stale) {
			model.addAttribute("conflict", true);
			return form(model, form, id, Map.of());
		}
		redirect.addFlashAttribute("notice", "Patient details saved.");
		return "redirect:/patients/" + id;
	}

	@PostMapping("/{id}/void")
	String voidRegistration(@PathVariable UUID id, @ModelAttribute VoidDraft form, RedirectAttributes redirect) {
		try {
			patients.voidRegistration(id, form);
			redirect.addFlashAttribute("notice", "Registration voided.");
		}
		catch (InvalidInput | Conflict refused) {
			redirect.addFlashAttribute("problem", refused instanceof InvalidInput
					? "Give a reason to void the registration." : refused.getMessage());
		}
		return "redirect:/patients/" + id;
	}

	@PostMapping("/{id}/measurements")
	String measure(@PathVariable UUID id, @ModelAttribute MeasurementForm form, RedirectAttributes redirect) {
		return add(id, "measurements", redirect, () -> patients.addMeasurement(id, new MeasurementDraft(
				form.measuredAt() == null ? null : form.measuredAt().atZone(zone.zone()).toInstant(), form.weightKg(),
				form.heightCm(), form.sbp(), form.dbp())));
	}

	@PostMapping("/{id}/conditions")
	String condition(@PathVariable UUID id, @ModelAttribute ConditionDraft form, RedirectAttributes redirect) {
		return add(id, "summary", redirect, () -> patients.addCondition(id, form));
	}

	@PostMapping("/{id}/history-findings")
	String finding(@PathVariable UUID id, @ModelAttribute HistoryFindingDraft form, RedirectAttributes redirect) {
		return add(id, "history", redirect, () -> patients.addHistoryFinding(id, form));
	}

	@PostMapping("/{id}/medications")
	String medication(@PathVariable UUID id, @ModelAttribute MedicationDraft form, RedirectAttributes redirect) {
		return add(id, "history", redirect, () -> patients.addMedication(id, form));
	}

	@PostMapping("/{id}/antidepressant-trials")
	String trial(@PathVariable UUID id, @ModelAttribute TrialDraft form, RedirectAttributes redirect) {
		return add(id, "history", redirect, () -> patients.addAntidepressantTrial(id, form));
	}

	/** Adds a chart entry; on refusal the tab shows every field's reason above the form. */
	private static String add(UUID id, String tab, RedirectAttributes redirect, Runnable work) {
		try {
			work.run();
			redirect.addFlashAttribute("notice", "Saved.");
		}
		catch (InvalidInput invalid) {
			redirect.addFlashAttribute("entryProblems", invalid.problems());
		}
		catch (Conflict conflict) {
			redirect.addFlashAttribute("problem", conflict.getMessage());
		}
		return "redirect:/patients/" + id + "?tab=" + tab;
	}

	private String form(Model model, PatientForm form, @Nullable UUID id, Map<String, String> errors) {
		model.addAttribute("form", form);
		model.addAttribute("patientId", id);
		model.addAttribute("errors", errors);
		model.addAttribute("sexes", SexAtBirth.values());
		return "patients/form";
	}

	private static void addChoices(Model model) {
		model.addAttribute("codeSystems", CodeSystem.values());
		model.addAttribute("findingCodes", HistoryFindingCode.values());
		model.addAttribute("findingStatuses", FindingStatus.values());
		model.addAttribute("medicationClasses", MedicationClass.values());
		model.addAttribute("trialOutcomes", TrialOutcome.values());
	}

	static Map<String, String> errors(List<FieldProblem> problems) {
		Map<String, String> errors = new LinkedHashMap<>();
		problems.forEach(problem -> errors.merge(problem.field(), problem.message(), (a, b) -> a + "; " + b));
		return errors;
	}
}
