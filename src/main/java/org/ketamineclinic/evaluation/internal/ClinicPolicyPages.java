package org.ketamineclinic.evaluation.internal;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.identity.CurrentUser;
import org.ketamineclinic.identity.Role;
import org.ketamineclinic.platform.InvalidInput;
import org.ketamineclinic.platform.ClinicTimeZone;
import org.ketamineclinic.platform.Conflict;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The clinic policy and REMS settings pages, and the REMS card of the patient chart. */
@Controller
class ClinicPolicyPages {

	record ChangeForm(@Nullable String value, @Nullable String reason) {
	}

	private final ClinicPolicies policies;
	private final RemsService rems;
	private final CurrentUser currentUser;
	private final ClinicTimeZone zone;

	ClinicPolicyPages(ClinicPolicies policies, RemsService rems, CurrentUser currentUser, ClinicTimeZone zone) {
		this.policies = policies;
		this.rems = rems;
		this.currentUser = currentUser;
		this.zone = zone;
	}

	@GetMapping("/settings/clinic-policy")
	String policy(Model model) {
		model.addAttribute("policy", policies.view());
		model.addAttribute("zone", zone.zone());
		return "evaluation/clinic-policy";
	}

	@PostMapping("/settings/clinic-policy/{key}")
	String change(@PathVariable String key, ChangeForm form, Model model, RedirectAttributes redirect) {
		try {
			policies.change(key, new ClinicPolicies.Change(form.value(), form.reason()));
		}
		catch (InvalidInput invalid) {
			model.addAttribute("problemKey", key);
			model.addAttribute("problems", invalid.problems());
			return policy(model);
		}
		redirect.addFlashAttribute("notice", "Setting " + key + " saved.");
		return "redirect:/settings/clinic-policy";
	}

	@GetMapping("/settings/rems")
	String rems(Model model) {
		model.addAttribute("certification", rems.setting());
		model.addAttribute("admin", currentUser.get().role() == Role.ADMIN);
		return "evaluation/rems";
	}

	@PostMapping("/settings/rems")
	String certify(RemsService.CertificationRequest form, Model model, RedirectAttributes redirect) {
		try {
			rems.changeSetting(form);
		}
		catch (InvalidInput invalid) {
			model.addAttribute("problems", invalid.problems());
			model.addAttribute("form", form);
			return rems(model);
		}
		redirect.addFlashAttribute("notice", "REMS certification saved.");
		return "redirect:/settings/rems";
	}

	/** The chart's REMS card, loaded into the patient chart summary by htmx. */
	@GetMapping("/patients/{id}/rems-card")
	String card(@PathVariable UUID id, Model model) {
		model.addAttribute("rems", rems.enrollment(id));
		return "evaluation/rems-card :: status";
	}

	@PostMapping("/patients/{id}/rems-enrollment")
	String enroll(@PathVariable UUID id, RemsService.EnrollmentRequest form, RedirectAttributes redirect) {
		try {
			rems.enroll(id, form);
			redirect.addFlashAttribute("notice", "REMS enrollment recorded.");
		}
		catch (InvalidInput invalid) {
			redirect.addFlashAttribute("problem", "REMS enrollment not saved: " + invalid.problems().get(0).field() + " "
					+ invalid.problems().get(0).message());
		}
		catch (Conflict conflict) {
			redirect.addFlashAttribute("problem", conflict.getMessage());
		}
		return "redirect:/patients/" + id;
	}
}
