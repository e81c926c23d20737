package org.ketamineclinic.assessment.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.assessment.Instrument;
import org.ketamineclinic.assessment.internal.AssessmentDraftService.SavedDraft;
import org.ketamineclinic.assessment.internal.AssessmentService.AssessmentView;
import org.ketamineclinic.assessment.internal.MeasureScheduleService.ScheduleView;
import org.ketamineclinic.assessment.scales.Scale;
import org.ketamineclinic.identity.CurrentUser;
import org.ketamineclinic.platform.ClinicTimeZone;
import org.ketamineclinic.platform.InvalidInput;
import org.ketamineclinic.platform.NotFound;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The patient's questionnaires in the portal: which self-reports there are and which are due,
 * one form per scale that can be saved half-filled and resumed, and the result in plain words
 * with crisis resources when an answer calls for them.
 */
@Controller
@RequestMapping("/portal/assessments")
@PreAuthorize("hasRole('PATIENT')")
class PortalAssessmentPages {

	static final String SAVE = "save";
	static final String SUBMIT = "submit";

	/** One self-report on the patient's list. */
	record Questionnaire(Instrument instrument, String shortName, String title, int itemCount, boolean due, boolean overdue,
			@Nullable Instant dueAt, @Nullable Instant draftSavedAt, int draftAnswered, @Nullable Instant lastCompletedAt) {
	}

	/** A recorded result as the patient reads it. */
	record Result(UUID id, String shortName, String title, Instant completedAt, @Nullable Integer total,
			@Nullable Integer maxTotal, @Nullable String plainSeverity, @Nullable String crisisResources) {
	}

	private final AssessmentService assessments;
	private final AssessmentDraftService drafts;
	private final MeasureScheduleService schedules;
	private final CurrentUser currentUser;
	private final OutcomeSettings settings;
	private final ClinicTimeZone zone;

	PortalAssessmentPages(AssessmentService assessments, AssessmentDraftService drafts, MeasureScheduleService schedules,
			CurrentUser currentUser, OutcomeSettings settings, ClinicTimeZone zone) {
		this.assessments = assessments;
		this.drafts = drafts;
		this.schedules = schedules;
		this.currentUser = currentUser;
		this.settings = settings;
		this.zone = zone;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("questionnaires", questionnaires());
		model.addAttribute("zone", zone.zone());
		model.addAttribute("standalone", true);
		return "assessments/portal-list";
	}

	/** The "Questionnaires" card of the portal's home page, loaded by htmx. */
	@GetMapping("/card")
	String card(Model model) {
		list(model);
		model.addAttribute("standalone", false);
		return "assessments/portal-list :: card";
	}

	@GetMapping("/{instrument}")
	String form(@PathVariable String instrument, Model model) {
		Scale scale = selfReport(instrument);
		SavedDraft draft = drafts.find(scale.instrument()).orElse(null);
		model.addAttribute("draftSavedAt", draft == null ? null : draft.updatedAt());
		return form(model, scale, draft == null ? List.of() : draft.answers(), Map.of());
	}

	@PostMapping("/{instrument}")
	String answer(@PathVariable String instrument, @RequestParam Map<String, String> fields,
			@RequestParam(name = "intent", defaultValue = SUBMIT) String intent, Model model, RedirectAttributes redirect) {
		Scale scale = selfReport(instrument);
		List<@Nullable Integer> answers = ScaleForm.read(scale, fields);
		String name = ScaleForm.shortName(scale.instrument());
		if (SAVE.equals(intent)) {
			drafts.save(scale.instrument(), answers);
			redirect.addFlashAttribute("notice",
					"Your " + name + " answers are saved. Come back whenever you like to finish; nothing is sent to your care team until you submit.");
			return "redirect:/portal/assessments";
		}
		try {
			AssessmentView recorded = drafts.submit(scale.instrument(), ScaleForm.withSkippedItems(scale.instrument(), answers));
			return "redirect:/portal/assessments/results/" + recorded.id();
		}
		catch (InvalidInput invalid) {
			// Not scored yet: keep what was answered, so nothing is lost if the person leaves now.
			SavedDraft draft = drafts.save(scale.instrument(), answers);
			model.addAttribute("draftSavedAt", draft.updatedAt());
			model.addAttribute("notSubmitted", true);
			return form(model, scale, answers, ScaleForm.errors(invalid));
		}
	}

	@GetMapping("/results/{id}")
	String result(@PathVariable UUID id, Model model) {
		AssessmentView view = assessments.list(ownRecord(), null).stream()
			.filter(a -> a.id().equals(id))
			.findFirst()
			.orElseThrow(() -> new NotFound("Assessment", id));
		Scale scale = assessments.scale(view.instrument());
		boolean atRisk = view.flags().stream().anyMatch(flag -> flag.code().equals(AssessmentService.SUICIDE_RISK));
		model.addAttribute("result", new Result(view.id(), ScaleForm.shortName(view.instrument()), scale.title(),
				view.completedAt(), view.total(), scale.totalRange() == null ? null : scale.totalRange().max(),
				ScaleForm.plainSeverity(view.instrument(), view.severity()), atRisk ? settings.crisisResources() : null));
		model.addAttribute("zone", zone.zone());
		return "assessments/portal-result";
	}

	private String form(Model model, Scale scale, List<@Nullable Integer> answers, Map<Integer, String> errors) {
		model.addAttribute("form", ScaleForm.of(scale, answers, errors));
		model.addAttribute("zone", zone.zone());
		return "assessments/portal-form";
	}

	private List<Questionnaire> questionnaires() {
		UUID patient = ownRecord();
		Map<Instrument, SavedDraft> saved = drafts.mine();
		List<ScheduleView> assigned = schedules.forPatient(patient);
		List<AssessmentView> done = assessments.list(patient, null);
		List<Questionnaire> list = new ArrayList<>();
		for (Instrument instrument : Instrument.values()) {
			Scale scale = assessments.scale(instrument);
			if (!scale.selfReport()) {
				continue;
			}
			List<ScheduleView> mine = assigned.stream().filter(s -> s.instrument() == instrument).toList();
			boolean due = mine.stream().anyMatch(ScheduleView::due);
			boolean overdue = mine.stream().anyMatch(ScheduleView::overdue);
			Instant dueAt = mine.stream().map(ScheduleView::nextDueAt).filter(at -> at != null).min(Instant::compareTo).orElse(null);
			SavedDraft draft = saved.get(instrument);
			Instant last = done.stream().filter(a -> a.instrument() == instrument).map(AssessmentView::completedAt)
				.max(Instant::compareTo).orElse(null);
			list.add(new Questionnaire(instrument, ScaleForm.shortName(instrument), scale.title(), scale.items().size(), due, overdue,
					dueAt, draft == null ? null : draft.updatedAt(),
					draft == null ? 0 : (int) draft.answers().stream().filter(a -> a != null).count(), last));
		}
		// What the care team asked for comes first, then what was started, then the rest in the usual order.
		list.sort((a, b) -> Integer.compare(rank(a), rank(b)));
		return list;
	}

	private static int rank(Questionnaire q) {
		return q.due() ? 0 : q.draftSavedAt() != null ? 1 : 2;
	}

	private Scale selfReport(String code) {
		Instrument instrument = Arrays.stream(Instrument.values()).filter(i -> i.name().equals(code)).findFirst()
			.orElseThrow(() -> new NotFound("Questionnaire", code));
		Scale scale = assessments.scale(instrument);
		if (!scale.selfReport()) {
			throw new NotFound("Questionnaire", code);
		}
		return scale;
	}

	private UUID ownRecord() {
		UUID patient = currentUser.get().patientId();
		if (patient == null) {
			throw new NotFound("Patient", currentUser.get().userId());
		}
		return patient;
	}
}
