package org.ketamineclinic.assessment.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.assessment.Instrument;
import org.ketamineclinic.assessment.internal.AssessmentService.AssessmentView;
import org.ketamineclinic.assessment.internal.AssessmentService.ResponseView;
import org.ketamineclinic.assessment.internal.MeasureScheduleService.ScheduleView;
import org.ketamineclinic.assessment.scales.Scale;
import org.ketamineclinic.assessment.scales.Score;
import org.ketamineclinic.patient.ChartBanner;
import org.ketamineclinic.patient.PatientRegistry;
import org.ketamineclinic.patient.PatientRegistry.PatientSummary;
import org.ketamineclinic.platform.ClinicTimeZone;
import org.ketamineclinic.platform.FieldProblem;
import org.ketamineclinic.platform.InvalidInput;
import org.ketamineclinic.platform.NotFound;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The "Assessments" tab of a patient's chart: every recorded scale, response against baseline,
 * trend charts with the severity bands, the measures the patient is asked to complete, and a form
 * to enter any scale.
 */
@Controller
@RequestMapping("/patients/{id}/assessments")
@PreAuthorize("hasAnyRole('PHYSICIAN','NURSE','THERAPIST')")
class ChartAssessmentPages {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

	/** Scales whose fall from baseline means response (clinical reference section 4); not the in-session ones. */
	private static final List<Instrument> OUTCOME_MEASURES = List.of(Instrument.PHQ9, Instrument.QIDS_SR16, Instrument.MADRS,
			Instrument.GAD7, Instrument.PCL5);

	/** Scales on which a low score is the bad one, so the chart shades its bands the other way round. */
	private static final List<Instrument> LOWER_IS_WORSE = List.of(Instrument.MOAAS, Instrument.ALDRETE);

	record Row(UUID id, String shortName, Instant completedAt, @Nullable Integer total, String severity, List<Score.Flag> flags,
			boolean risk, String source, String enteredBy) {
	}

	record ResponseRow(String shortName, @Nullable Integer baseline, @Nullable Integer latest, @Nullable String percentChange,
			String status) {
	}

	/** One trend chart; {@code data} is the JSON the chart script reads, {@code summary} the same in words. */
	record Trend(String id, String shortName, String title, String data, String summary) {
	}

	record Choice(String code, String label, boolean selfReport) {
	}

	private final AssessmentService assessments;
	private final MeasureScheduleService schedules;
	private final PatientRegistry patients;
	private final ClinicTimeZone zone;
	private final JsonMapper json;

	ChartAssessmentPages(AssessmentService assessments, MeasureScheduleService schedules, PatientRegistry patients,
			ClinicTimeZone zone, JsonMapper json) {
		this.assessments = assessments;
		this.schedules = schedules;
		this.patients = patients;
		this.zone = zone;
		this.json = json;
	}

	@GetMapping
	String page(@PathVariable UUID id, @RequestParam(required = false) @Nullable String instrument, Model model) {
		Scale scale = instrument == null || instrument.isBlank() ? null : scaleOrNull(instrument);
		return page(id, model, scale == null ? null : ScaleForm.blank(scale), null);
	}

	/** The entry form of one scale, swapped in by htmx when the instrument is chosen. */
	@GetMapping("/form")
	String entryForm(@PathVariable UUID id, @RequestParam(required = false) @Nullable String instrument, Model model) {
		Scale scale = instrument == null || instrument.isBlank() ? null : scaleOrNull(instrument);
		model.addAttribute("patientId", id);
		model.addAttribute("entry", scale == null ? null : ScaleForm.blank(scale));
		model.addAttribute("completedAt", null);
		return "assessments/chart :: entry-form";
	}

	@PostMapping
	String record(@PathVariable UUID id, @RequestParam Map<String, String> fields,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable LocalDateTime completedAt,
			Model model, RedirectAttributes redirect) {
		Scale scale = scaleOrNull(fields.getOrDefault("instrument", ""));
		if (scale == null) {
			redirect.addFlashAttribute("problem", "Choose a scale to enter.");
			return "redirect:/patients/" + id + "/assessments";
		}
		List<@Nullable Integer> answers = ScaleForm.withSkippedItems(scale.instrument(), ScaleForm.read(scale, fields));
		Instant at = completedAt == null ? null : completedAt.atZone(zone.zone()).toInstant();
		try {
			AssessmentView recorded = assessments.record(id,
					new AssessmentService.Draft(scale.instrument().name(), new ArrayList<>(answers), at, null));
			String name = ScaleForm.shortName(scale.instrument());
			String notice = "Saved " + name + (recorded.total() != null ? ": total " + recorded.total() : "")
					+ (recorded.severity() != null ? " (" + ScaleForm.severityLabel(recorded.severity()).toLowerCase() + ")" : "")
					+ ".";
			redirect.addFlashAttribute("notice", notice);
			if (recorded.flags().stream().anyMatch(flag -> flag.code().equals(AssessmentService.SUICIDE_RISK))) {
				redirect.addFlashAttribute("problem",
						"Suicide-risk alert raised for the patient's physician: see the staff home. Assess the patient now.");
			}
			return "redirect:/patients/" + id + "/assessments";
		}
		catch (InvalidInput invalid) {
			Map<Integer, String> errors = new LinkedHashMap<>(ScaleForm.errors(invalid));
			String when = invalid.problems().stream().filter(p -> p.field().equals("completedAt")).map(FieldProblem::message)
				.findFirst().orElse(null);
			errors.remove(-1);
			String other = invalid.problems().stream()
				.filter(p -> !p.field().startsWith("answers[") && !p.field().equals("completedAt"))
				.map(p -> p.field() + ": " + p.message())
				.reduce((a, b) -> a + "; " + b).orElse(null);
			if (other != null) {
				errors.put(-1, other);
			}
			model.addAttribute("completedAtError", when);
			model.addAttribute("completedAt", completedAt);
			return page(id, model, ScaleForm.of(scale, answers, errors), completedAt);
		}
	}

	@PostMapping("/schedules")
	String assign(@PathVariable UUID id, @RequestParam(required = false) @Nullable String instrument,
			@RequestParam(required = false) @Nullable Integer everyDays,
			@RequestParam(required = false) @Nullable Integer hoursAfterSession, RedirectAttributes redirect) {
		try {
			ScheduleView schedule = schedules.assign(id,
					new MeasureScheduleService.Assignment(instrument, everyDays, hoursAfterSession, null));
			redirect.addFlashAttribute("notice", "The patient is now asked for the " + ScaleForm.shortName(schedule.instrument())
					+ " in the portal.");
		}
		catch (InvalidInput invalid) {
			redirect.addFlashAttribute("problem", "Not assigned: " + invalid.problems().stream()
				.map(p -> p.field() + " " + p.message()).reduce((a, b) -> a + "; " + b).orElse(""));
		}
		return "redirect:/patients/" + id + "/assessments";
	}

	@PostMapping("/schedules/{scheduleId}/stop")
	String stop(@PathVariable UUID id, @PathVariable UUID scheduleId, RedirectAttributes redirect) {
		schedules.stop(scheduleId);
		redirect.addFlashAttribute("notice", "Measure stopped.");
		return "redirect:/patients/" + id + "/assessments";
	}

	private String page(UUID id, Model model, ScaleForm.@Nullable FormView entry, @Nullable LocalDateTime completedAt) {
		PatientSummary patient = patients.find(id).orElseThrow(() -> new NotFound("Patient", id));
		List<AssessmentView> recorded = assessments.list(id, null);
		model.addAttribute("banner", banner(patient));
		model.addAttribute("patientId", id);
		model.addAttribute("rows", recorded.stream().map(ChartAssessmentPages::row).toList());
		model.addAttribute("responses", responses(id, recorded));
		model.addAttribute("trends", trends(recorded));
		model.addAttribute("schedules", schedules.forPatient(id).stream()
			.map(s -> Map.entry(ScaleForm.shortName(s.instrument()), s)).toList());
		model.addAttribute("choices", Arrays.stream(Instrument.values())
			.map(i -> new Choice(i.name(), ScaleForm.shortName(i), assessments.scale(i).selfReport())).toList());
		model.addAttribute("entry", entry);
		model.addAttribute("completedAt", completedAt);
		model.addAttribute("zone", zone.zone());
		return "assessments/chart";
	}

	private ChartBanner banner(PatientSummary p) {
		return ChartBanner.of(p, LocalDate.now(zone.zone()));
	}

	private static Row row(AssessmentView a) {
		boolean risk = a.flags().stream().anyMatch(flag -> flag.code().equals(AssessmentService.SUICIDE_RISK));
		return new Row(a.id(), ScaleForm.shortName(a.instrument()), a.completedAt(), a.total(),
				ScaleForm.severityLabel(a.severity()), a.flags(), risk, a.source().equals("PATIENT") ? "Patient (portal)" : "Staff",
				a.enteredBy());
	}

	private List<ResponseRow> responses(UUID id, List<AssessmentView> recorded) {
		List<ResponseRow> rows = new ArrayList<>();
		for (Instrument instrument : OUTCOME_MEASURES) {
			long scores = recorded.stream().filter(a -> a.instrument() == instrument && a.total() != null).count();
			if (scores == 0) {
				continue;
			}
			ResponseView response = assessments.response(id, instrument.name());
			rows.add(new ResponseRow(ScaleForm.shortName(instrument), response.baseline(), response.latest(),
					scores == 1 || response.percentChange() == null ? null
							: response.percentChange().stripTrailingZeros().toPlainString() + " %",
					scores == 1 ? "Baseline only" : ScaleForm.severityLabel(response.status().name())));
		}
		return rows;
	}

	private List<Trend> trends(List<AssessmentView> recorded) {
		List<Trend> trends = new ArrayList<>();
		for (Instrument instrument : Instrument.values()) {
			Scale scale = assessments.scale(instrument);
			Scale.Range range = scale.totalRange();
			List<AssessmentView> points = recorded.stream()
				.filter(a -> a.instrument() == instrument && a.total() != null)
				.sorted((a, b) -> a.completedAt().compareTo(b.completedAt()))
				.toList();
			if (range == null || points.isEmpty()) {
				continue;
			}
			Map<String, Object> data = new LinkedHashMap<>();
			data.put("label", ScaleForm.shortName(instrument) + " total");
			data.put("min", range.min());
			data.put("max", range.max());
			data.put("lowerIsWorse", LOWER_IS_WORSE.contains(instrument));
			data.put("bands", scale.bands().stream()
				.map(band -> Map.of("min", band.min(), "max", band.max(), "label", ScaleForm.severityLabel(band.severity())))
				.toList());
			data.put("points", points.stream()
				.map(a -> Map.of("x", a.completedAt().toEpochMilli(), "y", a.total(), "day",
						DAY.format(a.completedAt().atZone(zone.zone()))))
				.toList());
			String summary = ScaleForm.shortName(instrument) + " totals (" + range.min() + " to " + range.max() + "): "
					+ points.stream()
						.map(a -> DAY.format(a.completedAt().atZone(zone.zone())) + " " + a.total() + " ("
								+ ScaleForm.severityLabel(a.severity()).toLowerCase() + ")")
						.reduce((a, b) -> a + ", " + b).orElse("");
			trends.add(new Trend("trend-" + instrument.name().toLowerCase(), ScaleForm.shortName(instrument), scale.title(),
					json.writeValueAsString(data), summary));
		}
		return trends;
	}

	private @Nullable Scale scaleOrNull(String code) {
		return Arrays.stream(Instrument.values()).filter(i -> i.name().equals(code.strip())).findFirst()
			.map(assessments::scale).orElse(null);
	}
}
