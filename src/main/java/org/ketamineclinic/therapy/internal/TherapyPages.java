package org.ketamineclinic.therapy.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.patient.ChartBanner;
import org.ketamineclinic.patient.PatientRegistry;
import org.ketamineclinic.platform.ClinicTimeZone;
import org.ketamineclinic.platform.Conflict;
import org.ketamineclinic.platform.InvalidInput;
import org.ketamineclinic.platform.NotFound;
import org.springframework.format.annotation.DateTimeFormat;
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
 * The chart's Therapy tab (sessions, integration due, the journal entries the patient shared), the
 * therapy session page with its structured note, and the home page's card of integration sessions
 * due. Forms post to the same services as the JSON API; a refusal shows the page again with the
 * problems and the API's status.
 */
@Controller
@PreAuthorize("hasAnyRole('PHYSICIAN','THERAPIST')")
class TherapyPages {

	private final TherapySessions sessions;
	private final IntegrationDue due;
	private final Journal journal;
	private final PatientRegistry patients;
	private final ClinicTimeZone zone;
	private final Clock clock;

	TherapyPages(TherapySessions sessions, IntegrationDue due, Journal journal, PatientRegistry patients, ClinicTimeZone zone,
			Clock clock) {
		this.sessions = sessions;
		this.due = due;
		this.journal = journal;
		this.patients = patients;
		this.zone = zone;
		this.clock = clock;
	}

	@GetMapping("/patients/{id}/therapy")
	String tab(@PathVariable UUID id, Model model) {
		return showTab(id, model, List.of());
	}

	@PostMapping("/patients/{id}/therapy")
	String plan(@PathVariable UUID id, @RequestParam(required = false) @Nullable String type,
			@RequestParam(required = false) @Nullable UUID dosingSessionId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable LocalDateTime start, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		List<String> problems = new ArrayList<>();
		try {
			TherapySessions.TherapySessionView planned = sessions.plan(id, new TherapySessions.PlanForm(type, dosingSessionId,
					start == null ? null : start.atZone(zone.zone()).toOffsetDateTime().toString()));
			redirect.addFlashAttribute("notice", planned.type().getLabel() + " session planned.");
			return "redirect:/therapy-sessions/" + planned.id();
		}
		catch (RuntimeException refused) {
			if (!refusal(refused, problems, response)) {
				throw refused;
			}
		}
		return showTab(id, model, problems);
	}

	@GetMapping("/therapy-sessions/{id}")
	String session(@PathVariable UUID id, Model model) {
		return showSession(sessions.view(id), model, List.of());
	}

	/** Saves the draft; with {@code sign} set, signs it as saved. */
	@PostMapping("/therapy-sessions/{id}/note")
	String note(@PathVariable UUID id, @RequestParam(required = false) @Nullable String themes,
			@RequestParam(required = false) @Nullable String insights, @RequestParam(required = false) @Nullable String goals,
			@RequestParam(required = false) @Nullable String practice, @RequestParam(required = false) @Nullable String freeText,
			@RequestParam(required = false) @Nullable Long version, @RequestParam(required = false) @Nullable String sign, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return act(id, model, redirect, response, () -> {
			sessions.saveNote(id, new TherapySessions.NoteForm(themes, insights, goals, practice, freeText, version));
			if (sign != null) {
				sessions.sign(id);
				return "Note signed and locked.";
			}
			return "Draft saved.";
		});
	}

	@PostMapping("/therapy-sessions/{id}/addenda")
	String addendum(@PathVariable UUID id, @RequestParam(required = false) @Nullable String text, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return act(id, model, redirect, response, () -> {
			sessions.addendum(id, new TherapySessions.TextForm(text));
			return "Addendum added.";
		});
	}

	@PostMapping("/therapy-sessions/{id}/cancel")
	String cancel(@PathVariable UUID id, @RequestParam(required = false) @Nullable String reason,
			@RequestParam(required = false) @Nullable Long version, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		return act(id, model, redirect, response, () -> {
			sessions.cancel(id, new TherapySessions.ReasonForm(reason, version));
			return "Therapy session cancelled.";
		});
	}

	/** The staff home page's card, loaded by htmx. */
	@GetMapping("/therapy/home-fragment")
	String homeCard(Model model) {
		model.addAttribute("dueItems", due.open());
		model.addAttribute("zone", zone.zone());
		return "therapy/home :: card";
	}

	private String act(UUID id, Model model, RedirectAttributes redirect, HttpServletResponse response, Supplier<String> step) {
		List<String> problems = new ArrayList<>();
		try {
			redirect.addFlashAttribute("notice", step.get());
			return "redirect:/therapy-sessions/" + id;
		}
		catch (RuntimeException refused) {
			if (!refusal(refused, problems, response)) {
				throw refused;
			}
		}
		return showSession(sessions.view(id), model, problems);
	}

	/** Turns a refusal into messages and the API's status; false for anything else, which is rethrown. */
	private static boolean refusal(RuntimeException refused, List<String> problems, HttpServletResponse response) {
		if (refused instanceof InvalidInput invalid) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			invalid.problems().forEach(p -> problems.add(p.field() + " " + p.message()));
			return true;
		}
		if (refused instanceof Conflict conflict) {
			response.setStatus(HttpStatus.CONFLICT.value());
			problems.add(conflict.getMessage());
			return true;
		}
		if (refused instanceof org.ketamineclinic.platform.RuleViolation violation) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			problems.add(violation.getMessage() + ".");
			violation.findings().forEach(f -> problems.add(f.message()));
			return true;
		}
		return false;
	}

	private String showTab(UUID id, Model model, List<String> problems) {
		banner(id, model);
		model.addAttribute("therapySessions", sessions.forPatient(id));
		model.addAttribute("dosingSessions", sessions.dosingSessions(id));
		model.addAttribute("dueItems", due.ofPatient(id));
		model.addAttribute("journal", journal.shared(id));
		model.addAttribute("types", TherapyType.values());
		model.addAttribute("problems", problems);
		model.addAttribute("zone", zone.zone());
		return "therapy/tab";
	}

	private String showSession(TherapySessions.TherapySessionView session, Model model, List<String> problems) {
		banner(session.patientId(), model);
		model.addAttribute("ts", session);
		model.addAttribute("problems", problems);
		model.addAttribute("zone", zone.zone());
		model.addAttribute("maxField", TherapySessions.MAX_FIELD);
		model.addAttribute("maxFreeText", TherapySessions.MAX_FREE_TEXT);
		return "therapy/session";
	}

	private void banner(UUID patientId, Model model) {
		PatientRegistry.PatientSummary patient = patients.find(patientId).orElseThrow(() -> new NotFound("Patient", patientId));
		model.addAttribute("banner", ChartBanner.of(patient, LocalDate.now(clock.withZone(zone.zone()))));
		model.addAttribute("patientId", patientId);
	}
}
