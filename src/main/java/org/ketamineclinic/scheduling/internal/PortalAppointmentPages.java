package org.ketamineclinic.scheduling.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.identity.CurrentUser;
import org.ketamineclinic.platform.ClinicTimeZone;
import org.ketamineclinic.platform.Conflict;
import org.ketamineclinic.platform.InvalidInput;
import org.ketamineclinic.platform.RuleViolation;
import org.ketamineclinic.scheduling.AppointmentType;
import org.ketamineclinic.scheduling.Appointments;
import org.ketamineclinic.scheduling.internal.AppointmentRows.Row;
import org.springframework.security.access.AccessDeniedException;
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
 * The patient's appointments in the portal: what is coming with its preparation, the ride home for
 * dosing, booking the types the clinic allows, cancelling, and earlier times from the waitlist.
 * Refusals come back as a sentence on the same page.
 */
@Controller
@RequestMapping("/portal/appointments")
@PreAuthorize("hasRole('PATIENT')")
class PortalAppointmentPages {

	/** One appointment as the patient reads it. */
	record Item(Row appointment, String label, boolean upcoming, @Nullable List<String> preparation, boolean needsRide,
			boolean rideOnline, boolean cancellable) {
	}

	private final PatientSchedule schedule;
	private final Rides rides;
	private final Waitlist waitlist;
	private final CurrentUser currentUser;
	private final Clock clock;
	private final ZoneId zone;

	PortalAppointmentPages(PatientSchedule schedule, Rides rides, Waitlist waitlist, CurrentUser currentUser, Clock clock,
			ClinicTimeZone zone) {
		this.schedule = schedule;
		this.rides = rides;
		this.waitlist = waitlist;
		this.currentUser = currentUser;
		this.clock = clock;
		this.zone = zone.zone();
	}

	@GetMapping
	String page(@RequestParam(required = false) @Nullable String type, @RequestParam(required = false) @Nullable String date, Model model) {
		Instant now = clock.instant();
		List<Item> items = schedule.mine().stream().map(a -> item(a, now)).toList();
		model.addAttribute("upcoming", items.stream().filter(Item::upcoming).toList());
		List<Item> past = new java.util.ArrayList<>(items.stream().filter(i -> !i.upcoming()).toList());
		java.util.Collections.reverse(past);
		model.addAttribute("past", past);
		model.addAttribute("bookable", schedule.bookableTypes().stream().map(t -> new Choice(t.name(), label(t))).toList());
		UUID patientId = currentUser.get().patientId();
		model.addAttribute("offers", waitlist.openOffers(patientId));
		model.addAttribute("waiting", waitlist.entries(patientId));
		model.addAttribute("zone", zone);
		model.addAttribute("today", LocalDate.ofInstant(now, zone));
		if (type != null && date != null && !model.containsAttribute("problem")) {
			model.addAttribute("chosenType", type);
			model.addAttribute("chosenDate", date);
			try {
				model.addAttribute("slots", schedule.freeSlots(type, date));
			}
			catch (InvalidInput | AccessDeniedException refused) {
				model.addAttribute("problem", message(refused));
			}
		}
		return "scheduling/portal-appointments";
	}

	record Choice(String code, String label) {
	}

	@PostMapping("/book")
	String book(@RequestParam(required = false) @Nullable String type, @RequestParam(required = false) @Nullable String start,
			RedirectAttributes redirect) {
		return act(redirect, "Your appointment is booked.", () -> schedule.book(type, start));
	}

	@PostMapping("/{id}/cancel")
	String cancel(@PathVariable UUID id, @RequestParam(required = false) @Nullable String reason, RedirectAttributes redirect) {
		return act(redirect, "Your appointment is cancelled.", () -> schedule.cancel(id, reason));
	}

	@PostMapping("/{id}/ride")
	String ride(@PathVariable UUID id, @RequestParam(required = false) @Nullable String driverName,
			@RequestParam(required = false) @Nullable String driverPhone, RedirectAttributes redirect) {
		return act(redirect, "Thank you: your ride home is confirmed.", () -> rides.confirm(id, new Rides.RideRequest(driverName, driverPhone)));
	}

	@PostMapping("/{id}/earlier")
	String earlier(@PathVariable UUID id, RedirectAttributes redirect) {
		return act(redirect, "You are on the waitlist: we will email you when an earlier time is free.",
				() -> waitlist.join(new Waitlist.JoinRequest(null, null, null, null, id)));
	}

	@PostMapping("/waitlist")
	String join(@RequestParam(required = false) @Nullable String type, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, RedirectAttributes redirect) {
		return act(redirect, "You are on the waitlist: we will email you when a time is free.",
				() -> waitlist.join(new Waitlist.JoinRequest(null, type, from, to, null)));
	}

	@PostMapping("/waitlist/{id}/leave")
	String leave(@PathVariable UUID id, RedirectAttributes redirect) {
		return act(redirect, "You have left the waitlist.", () -> {
			waitlist.leave(id);
			return null;
		});
	}

	@PostMapping("/offers/{id}/accept")
	String accept(@PathVariable UUID id, RedirectAttributes redirect) {
		return act(redirect, "The earlier time is yours: your appointment is booked.", () -> waitlist.accept(id));
	}

	@PostMapping("/offers/{id}/decline")
	String decline(@PathVariable UUID id, RedirectAttributes redirect) {
		return act(redirect, "Thank you: the time goes to the next person waiting.", () -> {
			waitlist.decline(id);
			return null;
		});
	}

	private String act(RedirectAttributes redirect, String done, java.util.function.Supplier<?> action) {
		try {
			action.get();
			redirect.addFlashAttribute("notice", done);
		}
		catch (InvalidInput | Conflict | RuleViolation | AccessDeniedException refused) {
			redirect.addFlashAttribute("problem", message(refused));
		}
		return "redirect:/portal/appointments";
	}

	private static String message(RuntimeException refused) {
		if (refused instanceof InvalidInput invalid && !invalid.problems().isEmpty()) {
			return "Please check " + invalid.problems().get(0).field() + ": " + invalid.problems().get(0).message();
		}
		return refused.getMessage();
	}

	private Item item(Row a, Instant now) {
		boolean upcoming = a.start().isAfter(now) && a.status() == org.ketamineclinic.scheduling.AppointmentStatus.BOOKED;
		boolean needsRide = upcoming && a.type().dosing() && a.ride() == null;
		return new Item(a, label(a.type()), upcoming, upcoming ? AppointmentReminders.preparation(a.type()) : null, needsRide,
				needsRide && !now.isAfter(a.start().minus(Rides.CUT_OFF)), upcoming && PatientSchedule.cancellableOnline(a, now));
	}

	static String label(AppointmentType type) {
		return switch (type) {
			case IV_INFUSION -> "Infusion (IV)";
			case IM_INJECTION -> "Injection (IM)";
			case ESKETAMINE_SESSION -> "Nasal spray session";
			case EVALUATION -> "Evaluation";
			case INTEGRATION_THERAPY -> "Integration therapy";
			case FOLLOW_UP -> "Follow-up visit";
		};
	}

}
