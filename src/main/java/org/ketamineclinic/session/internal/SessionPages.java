package org.ketamineclinic.session.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.evaluation.Route;
import org.ketamineclinic.patient.ChartBanner;
import org.ketamineclinic.patient.PatientRegistry;
import org.ketamineclinic.platform.ClinicTimeZone;
import org.ketamineclinic.platform.Conflict;
import org.ketamineclinic.platform.InvalidInput;
import org.ketamineclinic.platform.NotFound;
import org.ketamineclinic.platform.RuleViolation;
import org.ketamineclinic.session.SessionStatus;
import org.ketamineclinic.session.internal.SessionService.SessionView;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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
 * The pages a nurse and a physician use at the chair: one page per session with check-in,
 * acknowledgement of findings, administration from a lot in stock, keyboard vital-signs entry,
 * sedation and recovery scales, side effects and discharge; and the printable aftercare sheet.
 * Every form posts to the same {@link SessionService} operations as the JSON API; a refusal shows
 * the session again with the problems and the API's status.
 */
@Controller
@PreAuthorize("hasAnyRole('PHYSICIAN','NURSE')")
class SessionPages {

	/** Times on the forms are wall-clock times in the clinic's zone, as a datetime-local input sends them. */
	record CheckInValues(@Nullable LocalDateTime checkedInAt, @Nullable LocalDateTime lastFoodAt, @Nullable LocalDateTime lastLiquidAt,
			@Nullable LocalDateTime nasalSprayAt, @Nullable String escortName, @Nullable String escortPhone, @Nullable Integer sbp,
			@Nullable Integer dbp, @Nullable Integer hr, @Nullable Integer spo2, @Nullable Integer rr, @Nullable Long version) {
	}

	private final SessionService sessions;
	private final SessionNotes notes;
	private final RemsForms remsForms;
	private final Lots lots;
	private final PatientRegistry patients;
	private final ClinicTimeZone zone;
	private final Clock clock;

	SessionPages(SessionService sessions, SessionNotes notes, RemsForms remsForms, Lots lots, PatientRegistry patients,
			ClinicTimeZone zone, Clock clock) {
		this.sessions = sessions;
		this.notes = notes;
		this.remsForms = remsForms;
		this.lots = lots;
		this.patients = patients;
		this.zone = zone;
		this.clock = clock;
	}

	/** The chart's Sessions tab: every session of the patient, each linking to its page. */
	@GetMapping("/patients/{id}/sessions")
	String list(@PathVariable UUID id, Model model) {
		PatientRegistry.PatientSummary patient = patients.find(id).orElseThrow(() -> new NotFound("Patient", id));
		model.addAttribute("banner", ChartBanner.of(patient, LocalDate.now(clock.withZone(zone.zone()))));
		model.addAttribute("patientId", id);
		model.addAttribute("sessions", sessions.forPatient(id));
		model.addAttribute("zone", zone.zone());
		return "sessions/list";
	}

	@GetMapping("/sessions/{id}")
	String session(@PathVariable UUID id, Model model) {
		return show(sessions.view(id), model, List.of());
	}

	@GetMapping("/sessions/{id}/aftercare")
	String aftercare(@PathVariable UUID id, Model model) {
		SessionView session = sessions.view(id);
		banner(session, model);
		model.addAttribute("ds", session);
		return "sessions/aftercare";
	}

	@PostMapping("/sessions/{id}/check-in")
	String checkIn(@PathVariable UUID id, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable LocalDateTime checkedInAt,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable LocalDateTime lastFoodAt,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable LocalDateTime lastLiquidAt,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable LocalDateTime nasalSprayAt,
			@RequestParam(required = false) @Nullable String escortName, @RequestParam(required = false) @Nullable String escortPhone,
			@RequestParam(required = false) @Nullable Integer sbp, @RequestParam(required = false) @Nullable Integer dbp,
			@RequestParam(required = false) @Nullable Integer hr, @RequestParam(required = false) @Nullable Integer spo2,
			@RequestParam(required = false) @Nullable Integer rr, @RequestParam(required = false) @Nullable Long version, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return act(id, model, redirect, response, () -> {
			SessionService.CheckInResult result = sessions.checkIn(id, new SessionService.CheckInForm(instant(checkedInAt),
					instant(lastFoodAt), instant(lastLiquidAt), instant(nasalSprayAt), blankToNull(escortName), blankToNull(escortPhone),
					new SessionService.VitalsForm(sbp, dbp, hr, spo2, rr), version));
			long open = result.findings().stream().filter(f -> !f.acknowledged()).count();
			return open == 0 ? "Checked in." : "Checked in with " + open + " finding" + (open == 1 ? "" : "s") + " to review.";
		});
	}

	@PostMapping("/sessions/{id}/acknowledgements")
	@PreAuthorize("hasRole('PHYSICIAN')")
	String acknowledge(@PathVariable UUID id, @RequestParam(required = false) @Nullable String ruleId,
			@RequestParam(required = false) @Nullable String reason, @RequestParam(required = false) @Nullable Long version, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return act(id, model, redirect, response, () -> {
			sessions.acknowledge(id, new SessionService.AcknowledgementForm(ruleId, blankToNull(reason), version));
			return "Finding acknowledged.";
		});
	}

	@PostMapping("/sessions/{id}/administrations")
	String administer(@PathVariable UUID id, @RequestParam(required = false) @Nullable String lot,
			@RequestParam(required = false) @Nullable BigDecimal doseMg,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable LocalDateTime startedAt,
			@RequestParam(required = false) @Nullable Integer durationMinutes, @RequestParam(required = false) @Nullable Integer deviceNumber,
			@RequestParam(required = false) @Nullable String checkedBy, @RequestParam(required = false) @Nullable Long version, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return act(id, model, redirect, response, () -> {
			SessionService.AdministrationResult result = sessions.administer(id, new SessionService.AdministrationForm(lot, doseMg,
					instant(startedAt), durationMinutes, deviceNumber, blankToNull(checkedBy), version));
			StringBuilder done = new StringBuilder("Dose recorded.");
			if (result.infusionRateMlPerHour() != null) {
				done.append(" Pump rate ").append(result.infusionRateMlPerHour().stripTrailingZeros().toPlainString()).append(" mL/h.");
			}
			result.warnings().forEach(w -> done.append(' ').append(w.message()));
			return done.toString();
		});
	}

	/** The fast keyboard entry: the time is a wall-clock time today (yesterday when it would lie ahead, just after midnight). */
	@PostMapping("/sessions/{id}/vitals")
	String vitals(@PathVariable UUID id, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.TIME) @Nullable LocalTime takenAt,
			@RequestParam(required = false) @Nullable Integer sbp, @RequestParam(required = false) @Nullable Integer dbp,
			@RequestParam(required = false) @Nullable Integer hr, @RequestParam(required = false) @Nullable Integer spo2,
			@RequestParam(required = false) @Nullable Integer rr, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		return act(id, model, redirect, response, () -> {
			SessionService.ReadingResult result = sessions.recordVitals(id,
					new SessionService.ReadingForm(today(takenAt), sbp, dbp, hr, spo2, rr));
			return result.alerts().isEmpty() ? "Reading recorded."
					: "Reading recorded. Alert: " + String.join("; ", result.alerts().stream().map(SessionService.AlertView::message).toList());
		});
	}

	@PostMapping("/sessions/{id}/assessments")
	String assessment(@PathVariable UUID id, @RequestParam(required = false) @Nullable String instrument,
			@RequestParam(required = false) @Nullable List<Integer> answers, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		return act(id, model, redirect, response, () -> {
			SessionService.ScoreView score = sessions.recordScale(id, new SessionService.ScaleForm(instrument, answers, null));
			return score.instrument() + " recorded" + (score.total() == null ? "" : ": " + score.total()) + ".";
		});
	}

	@PostMapping("/sessions/{id}/adverse-events")
	String adverseEvent(@PathVariable UUID id, @RequestParam(required = false) @Nullable String type,
			@RequestParam(required = false) @Nullable String severity, @RequestParam(required = false) @Nullable Boolean serious,
			@RequestParam(required = false) @Nullable String action, @RequestParam(required = false) @Nullable String outcome, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return act(id, model, redirect, response, () -> {
			SessionService.AdverseEventResult result = sessions.recordAdverseEvent(id, new SessionService.AdverseEventForm(type, severity,
					serious != null && serious, clock.instant(), blankToNull(action), blankToNull(outcome)));
			return result.alerts().isEmpty() ? "Side effect recorded." : "Side effect recorded: an emergency alert is open.";
		});
	}

	@PostMapping("/sessions/{id}/alerts/{alertId}/acknowledgement")
	String acknowledgeAlert(@PathVariable UUID id, @PathVariable UUID alertId, @RequestParam(required = false) @Nullable String action,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		return act(id, model, redirect, response, () -> {
			sessions.acknowledgeAlert(id, alertId, new SessionService.AlertAcknowledgementForm(blankToNull(action)));
			return "Alert acknowledged.";
		});
	}

	@PostMapping("/sessions/{id}/discharge")
	String discharge(@PathVariable UUID id, @RequestParam(required = false) @Nullable Boolean escortConfirmed,
			@RequestParam(required = false) @Nullable Boolean dissociationResolved,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable LocalDateTime readyToLeaveAt,
			@RequestParam(required = false) @Nullable Long version, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		return act(id, model, redirect, response, () -> {
			sessions.discharge(id, new SessionService.DischargeForm(clock.instant(), instant(readyToLeaveAt), escortConfirmed != null && escortConfirmed,
					dissociationResolved != null && dissociationResolved, version));
			return "Discharged.";
		});
	}

	/** Signs the note as composed, or as the clinician edited it in the text box. */
	@PostMapping("/sessions/{id}/note/signature")
	String signNote(@PathVariable UUID id, @RequestParam(required = false) @Nullable String text, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return act(id, model, redirect, response, () -> {
			notes.sign(id, new SessionNotes.TextForm(blankToNull(text)));
			return "Note signed and locked.";
		});
	}

	@PostMapping("/sessions/{id}/note/addenda")
	String addendum(@PathVariable UUID id, @RequestParam(required = false) @Nullable String text, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return act(id, model, redirect, response, () -> {
			notes.addendum(id, new SessionNotes.TextForm(blankToNull(text)));
			return "Addendum added.";
		});
	}

	@GetMapping(value = "/sessions/{id}/rems-form.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
	ResponseEntity<byte[]> remsFormPdf(@PathVariable UUID id) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"rems-monitoring-form-" + id + ".pdf\"")
			.body(remsForms.pdf(id));
	}

	@PostMapping("/sessions/{id}/rems-form/submission")
	String submitRemsForm(@PathVariable UUID id, @RequestParam(required = false) @Nullable String confirmationNumber, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return act(id, model, redirect, response, () -> {
			remsForms.submit(id, new RemsForms.SubmissionForm(blankToNull(confirmationNumber), null));
			return "REMS monitoring form marked as submitted.";
		});
	}

	/** Runs one step: on success back to the page with a notice, on a refusal the page again with the problems and the API's status. */
	private String act(UUID id, Model model, RedirectAttributes redirect, HttpServletResponse response, Supplier<String> step) {
		List<String> problems = new ArrayList<>();
		try {
			redirect.addFlashAttribute("notice", step.get());
			return "redirect:/sessions/" + id;
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
		return show(sessions.view(id), model, problems);
	}

	private String show(SessionView session, Model model, List<String> problems) {
		banner(session, model);
		ZonedDateTime now = clock.instant().atZone(zone.zone()).truncatedTo(ChronoUnit.MINUTES);
		model.addAttribute("ds", session);
		model.addAttribute("problems", problems);
		model.addAttribute("zone", zone.zone());
		model.addAttribute("now", now.toLocalDateTime());
		model.addAttribute("nowTime", now.toLocalTime());
		model.addAttribute("esketamine", session.route() == Route.IN_ESKETAMINE);
		model.addAttribute("openFindings", session.findings().stream().filter(f -> !f.acknowledged()).toList());
		model.addAttribute("openAlerts", session.alerts().stream().filter(SessionService.AlertView::open).toList());
		// Esketamine's second and third devices are given while the first one's monitoring has begun.
		boolean canGive = session.status() == SessionStatus.CHECKED_IN || session.status() == SessionStatus.DOSING
				|| (session.route() == Route.IN_ESKETAMINE && session.status().inChair() && session.administrations().size() < 3);
		model.addAttribute("canGive", canGive);
		model.addAttribute("lots", canGive ? lots.inStock(session.route()) : List.of());
		model.addAttribute("doseMg", session.order() != null ? session.order().doseMg() : session.plannedDoseMg());
		model.addAttribute("adverseEventTypes", AdverseEventType.values());
		model.addAttribute("adverseEventSeverities", AdverseEventSeverity.values());
		model.addAttribute("cadssItems", CADSS_ITEMS);
		boolean ended = session.status() == SessionStatus.DISCHARGED || session.status() == SessionStatus.ABORTED
				|| session.status() == SessionStatus.CANCELLED;
		model.addAttribute("note", ended ? notes.note(session.id()) : null);
		model.addAttribute("remsForm", ended && session.route() == Route.IN_ESKETAMINE && session.firstDoseAt() != null
				&& session.status() != SessionStatus.CANCELLED ? remsForms.form(session.id()) : null);
		return "sessions/session";
	}

	/** The CADSS's 23 items, rated 0 to 4 (unlabelled: see the scale's licence note). */
	private static final List<Integer> CADSS_ITEMS = java.util.stream.IntStream.rangeClosed(1, 23).boxed().toList();

	private void banner(SessionView session, Model model) {
		PatientRegistry.PatientSummary patient = patients.find(session.patientId())
			.orElseThrow(() -> new NotFound("Patient", session.patientId()));
		model.addAttribute("banner", ChartBanner.of(patient, LocalDate.now(clock.withZone(zone.zone()))));
		model.addAttribute("patientId", session.patientId());
	}

	private @Nullable Instant instant(@Nullable LocalDateTime local) {
		return local == null ? null : local.atZone(zone.zone()).toInstant();
	}

	private @Nullable Instant today(@Nullable LocalTime time) {
		if (time == null) {
			return null;
		}
		ZonedDateTime now = clock.instant().atZone(zone.zone());
		ZonedDateTime at = now.toLocalDate().atTime(time).atZone(zone.zone());
		return (at.isAfter(now.plusMinutes(5)) ? at.minusDays(1) : at).toInstant();
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return text == null || text.isBlank() ? null : text;
	}
}
