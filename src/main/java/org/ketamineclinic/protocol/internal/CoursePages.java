package org.ketamineclinic.protocol.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.evaluation.Route;
import org.ketamineclinic.identity.CurrentUser;
import org.ketamineclinic.patient.ChartBanner;
import org.ketamineclinic.patient.PatientRegistry;
import org.ketamineclinic.platform.ClinicTimeZone;
import org.ketamineclinic.platform.Conflict;
import org.ketamineclinic.platform.FieldProblem;
import org.ketamineclinic.platform.InvalidInput;
import org.ketamineclinic.platform.NotFound;
import org.ketamineclinic.platform.RuleViolation;
import org.ketamineclinic.protocol.internal.CourseService.CourseView;
import org.ketamineclinic.protocol.internal.CourseService.DosePreview;
import org.ketamineclinic.protocol.internal.CourseService.OrderForm;
import org.ketamineclinic.protocol.pk.PkModel;
import org.ketamineclinic.protocol.pk.PkRequest;
import org.ketamineclinic.protocol.pk.PkResult;
import org.ketamineclinic.protocol.pk.PkSimulator;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * The Courses tab of the chart, a course's page (sessions on a timeline, titration advice,
 * response check, maintenance frequency) and the dose-planning page where a physician works out a
 * session's dose with the calculator, sees the predicted concentration curve and signs the order.
 */
@Controller
@PreAuthorize("hasAnyRole('PHYSICIAN','NURSE','THERAPIST')")
class CoursePages {

	/** The predicted curve drawn on the dose-planning page, labelled as a model estimate. */
	record Curve(String model, String label, String points, double cmaxNgPerMl, double tmaxMinute) {
	}

	private static final int CURVE_MINUTES = 240;

	private final CourseService courses;
	private final ProtocolLibrary library;
	private final PatientRegistry patients;
	private final ClinicTimeZone zone;
	private final JsonMapper json;
	private final CurrentUser currentUser;
	private final PkSimulator simulator = new PkSimulator();

	CoursePages(CourseService courses, ProtocolLibrary library, PatientRegistry patients, ClinicTimeZone zone, JsonMapper json,
			CurrentUser currentUser) {
		this.currentUser = currentUser;
		this.courses = courses;
		this.library = library;
		this.patients = patients;
		this.zone = zone;
		this.json = json;
	}

	@GetMapping("/patients/{id}/courses")
	String list(@PathVariable UUID id, Model model) {
		return list(id, model, null, null, null, List.of());
	}

	@PostMapping("/patients/{id}/courses")
	String create(@PathVariable UUID id, @RequestParam(required = false) @Nullable String protocol,
			@RequestParam(required = false) @Nullable LocalDate startDate, @RequestParam(required = false) @Nullable BigDecimal dose,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		List<String> problems = new ArrayList<>();
		try {
			boolean perKg = library.find(currentUser.clinic(), protocol).map(p -> p.protocol().route().racemic()).orElse(false);
			CourseView course = courses.create(id, new CourseService.CourseForm(protocol, startDate, perKg ? dose : null,
					perKg ? null : dose));
			redirect.addFlashAttribute("notice", "Course started: " + course.protocolName() + ".");
			return "redirect:/courses/" + course.id();
		}
		catch (InvalidInput invalid) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			invalid.problems().forEach(p -> problems.add(p.field() + " " + p.message()));
		}
		catch (RuleViolation violation) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			problems.add(violation.getMessage() + ".");
			violation.findings().forEach(f -> problems.add(f.message()));
		}
		catch (Conflict conflict) {
			response.setStatus(HttpStatus.CONFLICT.value());
			problems.add(conflict.getMessage());
		}
		return list(id, model, protocol, startDate, dose, problems);
	}

	@GetMapping("/courses/{id}")
	String course(@PathVariable UUID id, Model model) {
		CourseView course = courses.view(id);
		chartHeader(course.patientId(), model);
		model.addAttribute("course", course);
		model.addAttribute("timeline", timeline(course));
		model.addAttribute("zone", zone.zone());
		return "courses/course";
	}

	@PostMapping("/courses/{id}/titrations")
	String titrate(@PathVariable UUID id, @RequestParam(required = false) @Nullable BigDecimal toDose,
			@RequestParam(required = false) @Nullable String reason, @RequestParam(required = false) @Nullable Long version,
			RedirectAttributes redirect) {
		return act(id, redirect, "Dose changed.", () -> courses.titrate(id, new CourseService.TitrationForm(toDose, reason, version)));
	}

	@PostMapping("/courses/{id}/titration-dismissals")
	String dismiss(@PathVariable UUID id, @RequestParam(required = false) @Nullable String reason,
			@RequestParam(required = false) @Nullable Long version, RedirectAttributes redirect) {
		return act(id, redirect, "Suggestion dismissed.", () -> courses.dismissSuggestion(id, new CourseService.ReasonForm(reason, version)));
	}

	@PostMapping("/courses/{id}/response-check")
	String responseCheck(@PathVariable UUID id, @RequestParam(required = false) @Nullable String decision,
			@RequestParam(required = false) @Nullable String note, @RequestParam(required = false) @Nullable Long version,
			RedirectAttributes redirect) {
		return act(id, redirect, "Response check recorded.",
				() -> courses.checkResponse(id, new CourseService.ResponseCheckForm(decision, note, version)));
	}

	@PostMapping("/courses/{id}/maintenance-frequency")
	String frequency(@PathVariable UUID id, @RequestParam(required = false) @Nullable String frequency,
			@RequestParam(required = false) @Nullable String reason, @RequestParam(required = false) @Nullable Long version,
			RedirectAttributes redirect) {
		return act(id, redirect, "Maintenance frequency changed.",
				() -> courses.changeFrequency(id, new CourseService.FrequencyForm(frequency, reason, version)));
	}

	@PostMapping("/courses/{id}/stop")
	String stop(@PathVariable UUID id, @RequestParam(required = false) @Nullable String reason,
			@RequestParam(required = false) @Nullable Long version, RedirectAttributes redirect) {
		return act(id, redirect, "Course stopped.", () -> courses.stop(id, new CourseService.ReasonForm(reason, version)));
	}

	@PostMapping("/courses/{id}/orders/{orderId}/void")
	String voidOrder(@PathVariable UUID id, @PathVariable UUID orderId, @RequestParam(required = false) @Nullable String reason,
			RedirectAttributes redirect) {
		return act(id, redirect, "Order voided.", () -> courses.voidOrder(id, orderId, new CourseService.ReasonForm(reason, null)));
	}

	/** The dose-planning page: the calculator with the chart's numbers, the concentration curve, and signing. */
	@GetMapping("/courses/{id}/sessions/{number}/plan")
	String plan(@PathVariable UUID id, @PathVariable int number, @RequestParam(required = false) @Nullable Integer infusionMinutes,
			@RequestParam(required = false) @Nullable BigDecimal vialConcentrationMgPerMl,
			@RequestParam(required = false) @Nullable BigDecimal bagVolumeMl, @RequestParam(required = false) @Nullable BigDecimal dose,
			Model model, HttpServletResponse response) {
		CourseView course = courses.view(id);
		OrderForm form = orderForm(course, infusionMinutes, vialConcentrationMgPerMl, bagVolumeMl, dose, null);
		return plan(course, number, form, model, response, List.of());
	}

	@PostMapping("/courses/{id}/sessions/{number}/order")
	String sign(@PathVariable UUID id, @PathVariable int number, @RequestParam(required = false) @Nullable Integer infusionMinutes,
			@RequestParam(required = false) @Nullable BigDecimal vialConcentrationMgPerMl,
			@RequestParam(required = false) @Nullable BigDecimal bagVolumeMl, @RequestParam(required = false) @Nullable BigDecimal dose,
			@RequestParam(required = false) @Nullable String overrideReason, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		CourseView course = courses.view(id);
		OrderForm form = orderForm(course, infusionMinutes, vialConcentrationMgPerMl, bagVolumeMl, dose, overrideReason);
		List<String> problems = new ArrayList<>();
		try {
			CourseService.OrderView order = courses.signOrder(id, number, form);
			redirect.addFlashAttribute("notice", "Order for session " + number + " signed: " + order.doseMg().toPlainString() + " mg.");
			return "redirect:/courses/" + id;
		}
		catch (InvalidInput invalid) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			invalid.problems().forEach(p -> problems.add(p.field() + " " + p.message()));
		}
		catch (RuleViolation violation) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			problems.add(violation.getMessage() + ".");
		}
		catch (Conflict conflict) {
			response.setStatus(HttpStatus.CONFLICT.value());
			problems.add(conflict.getMessage());
		}
		return plan(course, number, form, model, response, problems);
	}

	private String plan(CourseView course, int number, OrderForm form, Model model, HttpServletResponse response,
			List<String> problems) {
		chartHeader(course.patientId(), model);
		model.addAttribute("course", course);
		model.addAttribute("number", number);
		model.addAttribute("form", form);
		model.addAttribute("dose", course.route().racemic() ? form.doseMgPerKg() : form.doseMg());
		List<String> all = new ArrayList<>(problems);
		try {
			DosePreview preview = courses.preview(course.id(), number, form);
			model.addAttribute("preview", preview);
			model.addAttribute("curve", curve(course, preview));
		}
		catch (InvalidInput invalid) {
			if (problems.isEmpty()) {
				response.setStatus(HttpStatus.BAD_REQUEST.value());
			}
			for (FieldProblem p : invalid.problems()) {
				all.add(p.field() + " " + p.message());
			}
		}
		catch (RuleViolation | Conflict | NotFound blocked) {
			all.add(blocked.getMessage());
		}
		model.addAttribute("problems", all);
		return "courses/plan";
	}

	private @Nullable Curve curve(CourseView course, DosePreview preview) {
		double doseMg = preview.calculation().doseMg().doubleValue();
		double weight = preview.weightKg() == null ? 70 : preview.weightKg().doubleValue();
		PkModel model;
		PkRequest.Dose dose;
		if (course.route() == Route.IV_KETAMINE) {
			model = PkModel.FANTA_2015;
			dose = PkRequest.Dose.infusion(doseMg, 0, preview.infusionMinutes() == null ? 40 : preview.infusionMinutes());
		}
		else if (course.route() == Route.IM_KETAMINE) {
			model = PkModel.FANTA_2015;
			dose = PkRequest.Dose.im(doseMg, 0);
		}
		else {
			model = PkModel.PEREZ_RUIXO_2021;
			dose = PkRequest.Dose.intranasal(preview.calculation().devices() == null ? 2 : preview.calculation().devices(), 0);
		}
		PkResult result = simulator.simulate(new PkRequest(model.name(), weight, null, null, List.of(dose),
				(double) CURVE_MINUTES, 1.0));
		List<double[]> points = result.points().stream().map(p -> new double[] { p.minute(), p.concentrationNgPerMl() }).toList();
		return new Curve(model.name(), model.label(), json.writeValueAsString(points), result.cmaxNgPerMl(), result.tmaxMinute());
	}

	private static OrderForm orderForm(CourseView course, @Nullable Integer minutes, @Nullable BigDecimal vial,
			@Nullable BigDecimal bag, @Nullable BigDecimal dose, @Nullable String overrideReason) {
		boolean perKg = course.route().racemic();
		return new OrderForm(minutes, vial, bag, overrideReason == null || overrideReason.isBlank() ? null : overrideReason,
				perKg ? dose : null, perKg ? null : dose);
	}

	/** The sessions as the timeline script draws them: windows as bars, given sessions as points. */
	private String timeline(CourseView course) {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (CourseService.SessionView s : course.plannedSessions()) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("number", s.number());
			row.put("phase", s.phase());
			row.put("status", s.status());
			row.put("earliest", s.earliestDate().toString());
			row.put("latest", s.latestDate().toString());
			if (s.givenAt() != null) {
				row.put("given", s.givenAt().atZone(zone.zone()).toLocalDate().toString());
			}
			rows.add(row);
		}
		return json.writeValueAsString(rows);
	}

	private String list(UUID patientId, Model model, @Nullable String protocol, @Nullable LocalDate startDate,
			@Nullable BigDecimal dose, List<String> problems) {
		chartHeader(patientId, model);
		model.addAttribute("courses", courses.list(patientId));
		model.addAttribute("protocols", library.list());
		model.addAttribute("protocol", protocol);
		model.addAttribute("startDate", startDate == null ? LocalDate.now(zone.zone()) : startDate);
		model.addAttribute("dose", dose);
		model.addAttribute("problems", problems);
		return "courses/list";
	}

	private void chartHeader(UUID patientId, Model model) {
		PatientRegistry.PatientSummary patient = patients.find(patientId).orElseThrow(() -> new NotFound("Patient", patientId));
		model.addAttribute("banner", ChartBanner.of(patient, LocalDate.now(zone.zone())));
		model.addAttribute("patientId", patientId);
	}

	private String act(UUID id, RedirectAttributes redirect, String done, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("notice", done);
		}
		catch (InvalidInput invalid) {
			redirect.addFlashAttribute("problem", "Not saved: " + String.join("; ",
					invalid.problems().stream().map(p -> p.field() + " " + p.message()).toList()) + ".");
		}
		catch (Conflict | RuleViolation refused) {
			redirect.addFlashAttribute("problem", "Not saved: " + refused.getMessage());
		}
		return "redirect:/courses/" + id;
	}
}
