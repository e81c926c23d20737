package org.ketamineclinic.scheduling.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.identity.CurrentUser;
import org.ketamineclinic.identity.Role;
import org.ketamineclinic.patient.PatientRegistry;
import org.ketamineclinic.platform.ClinicTimeZone;
import org.ketamineclinic.platform.Conflict;
import org.ketamineclinic.platform.FieldChecks;
import org.ketamineclinic.platform.InvalidInput;
import org.ketamineclinic.platform.NotFound;
import org.ketamineclinic.platform.RuleViolation;
import org.ketamineclinic.protocol.TreatmentCourses;
import org.ketamineclinic.scheduling.AppointmentType;
import org.ketamineclinic.scheduling.Appointments;
import org.ketamineclinic.scheduling.Appointments.AppointmentView;
import org.springframework.dao.OptimisticLockingFailureException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import tools.jackson.databind.json.JsonMapper;

/**
 * The front desk's schedule: the day per chair and room (with htmx only the timeline it refreshes),
 * booking one appointment or a whole course, changing an appointment, the week of one clinician,
 * and the capacity report.
 */
@Controller
class SchedulePages {

	/** Who books from these pages; the {@link Appointments} methods check it again. */
	private static final Set<Role> BOOKERS = EnumSet.of(Role.PHYSICIAN, Role.NURSE, Role.THERAPIST, Role.FRONT_DESK);
	private static final Set<Role> COURSE_BOOKERS = EnumSet.of(Role.PHYSICIAN, Role.NURSE, Role.FRONT_DESK);

	record BookingForm(@Nullable String type, @Nullable UUID patientId, @Nullable String start, @Nullable String date) {
	}

	record CourseForm(@Nullable UUID courseId, @Nullable String firstDate, @Nullable String preferredTime) {
	}

	record ChangeForm(@Nullable String start, @Nullable String reason, @Nullable Long version, @Nullable String date) {
	}

	record CourseChoice(UUID courseId, String label) {
	}

	record SlotChoice(String start, String label) {
	}

	/** What a course booking did: the appointments booked, or why nothing was. */
	record CourseResult(List<AppointmentView> booked, @Nullable String problem, List<String> reasons) {
	}

	private final ScheduleViews views;
	private final Appointments appointments;
	private final PatientRegistry patients;
	private final TreatmentCourses courses;
	private final CurrentUser currentUser;
	private final JsonMapper json;
	private final ZoneId zone;

	SchedulePages(ScheduleViews views, Appointments appointments, PatientRegistry patients, TreatmentCourses courses,
			CurrentUser currentUser, JsonMapper json, ClinicTimeZone zone) {
		this.views = views;
		this.appointments = appointments;
		this.patients = patients;
		this.courses = courses;
		this.currentUser = currentUser;
		this.json = json;
		this.zone = zone.zone();
	}

	// The day

	@GetMapping("/schedule")
	@PreAuthorize(ClinicCalendar.STAFF)
	String day(@RequestParam(required = false) @Nullable String date,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
		LocalDate day = dateOr(date, LocalDate.now(zone));
		dayModel(day, model);
		return htmx != null ? "schedule/day :: timeline" : "schedule/day";
	}

	/** The day's appointment list with its change forms; swapped in after a booking, not on the timer, so typing is not lost. */
	@GetMapping("/schedule/list")
	@PreAuthorize(ClinicCalendar.STAFF)
	String list(@RequestParam(required = false) @Nullable String date, Model model) {
		dayModel(dateOr(date, LocalDate.now(zone)), model);
		return "schedule/day :: list";
	}

	private void dayModel(LocalDate day, Model model) {
		Role role = currentUser.get().role();
		model.addAttribute("day", views.day(day));
		model.addAttribute("previous", day.minusDays(1));
		model.addAttribute("next", day.plusDays(1));
		model.addAttribute("mayBook", BOOKERS.contains(role));
		model.addAttribute("mayBookCourse", COURSE_BOOKERS.contains(role));
		model.addAttribute("types", role == Role.THERAPIST ? List.of(AppointmentType.INTEGRATION_THERAPY)
				: Arrays.asList(AppointmentType.values()));
		model.addAttribute("zone", zone);
		if (!model.containsAttribute("courseResult")) {
			model.addAttribute("courseResult", null);
		}
	}

	/** Free start times of a day for a type, as the options of the booking form's time field. */
	@GetMapping("/schedule/slots")
	@PreAuthorize(ClinicCalendar.STAFF)
	String slots(@RequestParam(required = false) @Nullable String date, @RequestParam(required = false) @Nullable String type,
			Model model) {
		LocalDate day = dateOr(date, LocalDate.now(zone));
		List<SlotChoice> choices = new ArrayList<>();
		AppointmentType wanted = parseType(type);
		if (wanted != null) {
			Map<Instant, SlotChoice> distinct = new LinkedHashMap<>();
			for (Appointments.Slot slot : appointments.availability(day, wanted).slots()) {
				distinct.putIfAbsent(slot.start(), new SlotChoice(slot.start().toString(),
						slot.start().atZone(zone).toLocalTime().toString()));
			}
			choices.addAll(distinct.values());
		}
		model.addAttribute("slots", choices);
		return "schedule/day :: slots";
	}

	/** Patients matching an MRN or name, as options of the booking form's patient field; a POST, so that no name is in a URL. */
	@PostMapping("/schedule/patients")
	@PreAuthorize("hasAnyRole('PHYSICIAN','NURSE','THERAPIST','FRONT_DESK')")
	String patientOptions(@RequestParam(required = false) @Nullable String query, Model model) {
		model.addAttribute("hits", query == null || query.isBlank() ? List.of() : patients.search(query));
		return "schedule/day :: patients";
	}

	/** The active courses of the patients matching an MRN or name, as options of the course booking form (a POST, like the search). */
	@PostMapping("/schedule/courses")
	@PreAuthorize("hasAnyRole('PHYSICIAN','NURSE','FRONT_DESK')")
	String courseOptions(@RequestParam(required = false) @Nullable String query, Model model) {
		List<CourseChoice> choices = new ArrayList<>();
		if (query != null && !query.isBlank()) {
			for (PatientRegistry.PatientHit hit : patients.search(query).stream().limit(10).toList()) {
				for (TreatmentCourses.CourseOutline course : courses.activeCourses(hit.id())) {
					long planned = course.sessions().stream().filter(s -> "PLANNED".equals(s.status())).count();
					choices.add(new CourseChoice(course.id(), hit.familyName() + ", " + hit.givenName() + " (" + hit.mrn() + "): "
							+ course.protocol().replace('_', ' ') + ", " + planned + " planned sessions"));
				}
			}
		}
		model.addAttribute("courses", choices);
		return "schedule/day :: courses";
	}

	@PostMapping("/schedule/appointments")
	@PreAuthorize("hasAnyRole('PHYSICIAN','NURSE','THERAPIST','FRONT_DESK')")
	String book(BookingForm form, RedirectAttributes redirect) {
		LocalDate day = dateOr(form.date(), LocalDate.now(zone));
		try {
			AppointmentView booked = appointments.book(new Appointments.NewAppointment(form.patientId(), form.type(), form.start(), null,
					null, null, null)).get(0);
			redirect.addFlashAttribute("notice", "Booked " + label(booked) + ".");
			day = booked.start().atZone(zone).toLocalDate();
		}
		catch (InvalidInput | Conflict | RuleViolation | NotFound refused) {
			redirect.addFlashAttribute("problem", message(refused));
		}
		return "redirect:" + dayUrl(day);
	}

	/** Books every planned session of a course; with htmx answers the result and asks the timeline to refresh. */
	@PostMapping("/schedule/course-bookings")
	@PreAuthorize("hasAnyRole('PHYSICIAN','NURSE','FRONT_DESK')")
	String bookCourse(CourseForm form, @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
			HttpServletResponse response, Model model) {
		FieldChecks checks = new FieldChecks();
		checks.require("course", form.courseId());
		LocalDate first = checks.check("firstDate", () -> ClinicCalendar.date(form.firstDate()));
		String time = form.preferredTime() == null || form.preferredTime().isBlank() ? "08:00" : form.preferredTime().strip();
		LocalTime preferred = checks.check("preferredTime", () -> ClinicCalendar.time(time));
		CourseResult result;
		try {
			checks.throwIfAny();
			List<AppointmentView> booked = appointments.bookCourse(form.courseId(), first.atTime(preferred).toString(),
					preferred.toString());
			result = new CourseResult(booked, booked.isEmpty() ? "Every planned session of this course is already booked." : null,
					List.of());
			response.setHeader("HX-Trigger", "appointments-changed");
		}
		catch (RuleViolation violation) {
			result = new CourseResult(List.of(), violation.getMessage(),
					violation.findings().stream().map(RuleViolation.RuleFinding::message).toList());
		}
		catch (InvalidInput | Conflict | NotFound refused) {
			result = new CourseResult(List.of(), message(refused), List.of());
		}
		model.addAttribute("courseResult", result);
		model.addAttribute("zone", zone);
		if (htmx != null) {
			return "schedule/day :: courseResult";
		}
		dayModel(first == null ? LocalDate.now(zone) : first, model);
		return "schedule/day";
	}

	@PostMapping("/schedule/appointments/{id}/reschedule")
	@PreAuthorize("hasAnyRole('PHYSICIAN','NURSE','THERAPIST','FRONT_DESK')")
	String reschedule(@PathVariable UUID id, ChangeForm form, RedirectAttributes redirect) {
		LocalDate day = dateOr(form.date(), LocalDate.now(zone));
		try {
			AppointmentView moved = appointments.reschedule(id, new Appointments.Reschedule(form.start(), form.reason(), form.version(),
					null, null, null));
			redirect.addFlashAttribute("notice", "Moved to " + label(moved) + ".");
			day = moved.start().atZone(zone).toLocalDate();
		}
		catch (InvalidInput | Conflict | RuleViolation | NotFound | OptimisticLockingFailureException refused) {
			redirect.addFlashAttribute("problem", message(refused));
		}
		return "redirect:" + dayUrl(day);
	}

	@PostMapping("/schedule/appointments/{id}/cancel")
	@PreAuthorize("hasAnyRole('PHYSICIAN','NURSE','THERAPIST','FRONT_DESK')")
	String cancel(@PathVariable UUID id, ChangeForm form, RedirectAttributes redirect) {
		try {
			appointments.cancel(id, form.reason(), form.version());
			redirect.addFlashAttribute("notice", "Appointment cancelled.");
		}
		catch (InvalidInput | Conflict | NotFound | OptimisticLockingFailureException refused) {
			redirect.addFlashAttribute("problem", message(refused));
		}
		return "redirect:" + dayUrl(dateOr(form.date(), LocalDate.now(zone)));
	}

	@PostMapping("/schedule/appointments/{id}/no-show")
	@PreAuthorize("hasAnyRole('PHYSICIAN','NURSE','THERAPIST','FRONT_DESK')")
	String noShow(@PathVariable UUID id, ChangeForm form, RedirectAttributes redirect) {
		try {
			appointments.noShow(id, form.reason());
			redirect.addFlashAttribute("notice", "Recorded as a no-show.");
		}
		catch (InvalidInput | Conflict | NotFound | OptimisticLockingFailureException refused) {
			redirect.addFlashAttribute("problem", message(refused));
		}
		return "redirect:" + dayUrl(dateOr(form.date(), LocalDate.now(zone)));
	}

	// The week of one clinician

	@GetMapping("/schedule/week")
	@PreAuthorize(ClinicCalendar.STAFF)
	String week(@RequestParam(required = false) @Nullable UUID staffId, @RequestParam(required = false) @Nullable String date,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
		List<ScheduleViews.StaffMember> staff = views.bookableStaff();
		LocalDate day = dateOr(date, LocalDate.now(zone));
		UUID who = staffId;
		if (who == null) {
			UUID me = currentUser.get().userId();
			who = staff.stream().anyMatch(s -> s.userId().equals(me)) ? me
					: staff.isEmpty() ? null : staff.get(0).userId();
		}
		model.addAttribute("staff", staff);
		model.addAttribute("week", who == null ? null : views.week(who, day));
		model.addAttribute("selected", who);
		model.addAttribute("day", day);
		return htmx != null ? "schedule/week :: grid" : "schedule/week";
	}

	// Capacity

	@GetMapping("/schedule/capacity")
	@PreAuthorize(ScheduleViews.REPORT)
	String capacity(@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			Model model) {
		LocalDate today = LocalDate.now(zone);
		LocalDate start = dateOr(from, today.minusDays(14));
		LocalDate end = dateOr(to, start.plusDays(27));
		ScheduleViews.Capacity capacity = views.capacity(start, end);
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("labels", capacity.days().stream().map(d -> d.date().toString()).toList());
		chart.put("utilisation", capacity.days().stream()
			.map(d -> d.utilisation() == null ? null : Math.round(d.utilisation() * 1000) / 10.0).collect(Collectors.toList()));
		chart.put("monitoring", capacity.days().stream().map(ScheduleViews.DayCapacity::monitoringMinutes).toList());
		model.addAttribute("capacity", capacity);
		model.addAttribute("chartData", json.writeValueAsString(chart));
		return "schedule/capacity";
	}

	private static String dayUrl(LocalDate day) {
		return UriComponentsBuilder.fromPath("/schedule").queryParam("date", day).toUriString();
	}

	private String label(AppointmentView appointment) {
		return appointment.type().name().replace('_', ' ').toLowerCase() + " on " + appointment.start().atZone(zone).toLocalDate() + " at "
				+ appointment.start().atZone(zone).toLocalTime();
	}

	private static @Nullable AppointmentType parseType(@Nullable String type) {
		if (type == null || type.isBlank()) {
			return null;
		}
		try {
			return AppointmentType.valueOf(type.strip());
		}
		catch (IllegalArgumentException unknown) {
			return null;
		}
	}

	private static LocalDate dateOr(@Nullable String value, LocalDate fallback) {
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (java.time.format.DateTimeParseException bad) {
			throw new InvalidInput("date", "must be a date such as 2026-12-01");
		}
	}

	static String message(RuntimeException refused) {
		if (refused instanceof InvalidInput invalid) {
			return "Not booked: " + invalid.problems().stream().map(p -> p.field() + " " + p.message()).collect(Collectors.joining("; "));
		}
		if (refused instanceof OptimisticLockingFailureException) {
			return "Someone changed this appointment meanwhile; reload and try again.";
		}
		return "Not booked: " + refused.getMessage();
	}
}
