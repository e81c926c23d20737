package org.ketamineclinic.scheduling.internal;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.platform.ClinicTimeZone;
import org.ketamineclinic.platform.Conflict;
import org.ketamineclinic.platform.InvalidInput;
import org.ketamineclinic.platform.RuleViolation;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The front desk's list of dosing appointments without a ride home, and recording a ride confirmed by phone. */
@Controller
@PreAuthorize(Rides.FRONT_DESK)
class RidePages {

	private final Rides rides;
	private final ClinicTimeZone zone;

	RidePages(Rides rides, ClinicTimeZone zone) {
		this.rides = rides;
		this.zone = zone;
	}

	@GetMapping("/front-desk/rides")
	String list(Model model) {
		model.addAttribute("rides", rides.unconfirmed());
		model.addAttribute("zone", zone.zone());
		return "scheduling/rides";
	}

	@PostMapping("/front-desk/rides/{id}")
	String record(@PathVariable UUID id, @RequestParam(required = false) @Nullable String driverName,
			@RequestParam(required = false) @Nullable String driverPhone, RedirectAttributes redirect) {
		try {
			rides.confirm(id, new Rides.RideRequest(driverName, driverPhone));
			redirect.addFlashAttribute("notice", "Ride recorded.");
		}
		catch (InvalidInput invalid) {
			redirect.addFlashAttribute("problem", invalid.problems().get(0).field() + ": " + invalid.problems().get(0).message());
		}
		catch (Conflict | RuleViolation refused) {
			redirect.addFlashAttribute("problem", refused.getMessage());
		}
		return "redirect:/front-desk/rides";
	}
}
