package org.ketamineclinic.therapy.internal;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.platform.ClinicTimeZone;
import org.ketamineclinic.platform.InvalidInput;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import jakarta.servlet.http.HttpServletResponse;

/** Settings → Therapy: the integration window with its default, source and history; administrators and physicians change it. */
@Controller
@PreAuthorize("hasAnyRole('ADMIN','PHYSICIAN','THERAPIST')")
class TherapySettingsPage {

	private final TherapySettings settings;
	private final ClinicTimeZone zone;

	TherapySettingsPage(TherapySettings settings, ClinicTimeZone zone) {
		this.settings = settings;
		this.zone = zone;
	}

	@GetMapping("/settings/therapy")
	String show(Model model) {
		return show(model, List.of());
	}

	@PostMapping("/settings/therapy")
	@PreAuthorize("hasAnyRole('ADMIN','PHYSICIAN')")
	String change(@RequestParam(required = false) @Nullable Integer value, @RequestParam(required = false) @Nullable String reason,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		try {
			settings.change(new TherapySettings.ChangeForm(value, reason));
			redirect.addFlashAttribute("notice", "Saved: integration due within " + value + " hours of discharge.");
			return "redirect:/settings/therapy";
		}
		catch (InvalidInput invalid) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			List<String> problems = new ArrayList<>();
			invalid.problems().forEach(p -> problems.add(p.field() + " " + p.message()));
			return show(model, problems);
		}
	}

	private String show(Model model, List<String> problems) {
		model.addAttribute("setting", settings.view());
		model.addAttribute("problems", problems);
		model.addAttribute("zone", zone.zone());
		return "therapy/settings";
	}
}
