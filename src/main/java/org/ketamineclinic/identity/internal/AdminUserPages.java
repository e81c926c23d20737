package org.ketamineclinic.identity.internal;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.identity.Role;
import org.ketamineclinic.platform.InvalidInput;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators create, disable and reset the accounts of their own clinic. */
@Controller
@RequestMapping("/admin/users")
class AdminUserPages {

	record NewUserForm(@Nullable String username, @Nullable String displayName, @Nullable Role role,
			@Nullable UUID patientId, @Nullable String password) {
	}

	private final AccountAdministration administration;

	AdminUserPages(AccountAdministration administration) {
		this.administration = administration;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("accounts", administration.listMyClinic());
		model.addAttribute("roles", Role.values());
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new NewUserForm(null, null, null, null, null));
		}
		return "admin/users";
	}

	@PostMapping
	String create(NewUserForm form, Model model, RedirectAttributes redirect) {
		try {
			administration.createInMyClinic(blankToEmpty(form.username()), blankToEmpty(form.displayName()), form.role(),
					form.patientId(), form.password() == null ? "" : form.password());
		}
		catch (InvalidInput invalid) {
			model.addAttribute("form", form);
			model.addAttribute("problems", invalid.problems());
			return list(model);
		}
		redirect.addFlashAttribute("notice", "Account " + form.username() + " created.");
		return "redirect:/admin/users";
	}

	@PostMapping("/{id}/disable")
	String disable(@PathVariable UUID id, RedirectAttributes redirect) {
		administration.setEnabled(id, false);
		redirect.addFlashAttribute("notice", "Account disabled.");
		return "redirect:/admin/users";
	}

	@PostMapping("/{id}/enable")
	String enable(@PathVariable UUID id, RedirectAttributes redirect) {
		administration.setEnabled(id, true);
		redirect.addFlashAttribute("notice", "Account enabled.");
		return "redirect:/admin/users";
	}

	@PostMapping("/{id}/reset-password")
	String resetPassword(@PathVariable UUID id, RedirectAttributes redirect) {
		redirect.addFlashAttribute("temporaryPassword", administration.resetPassword(id));
		return "redirect:/admin/users";
	}

	@PostMapping("/{id}/reset-mfa")
	String resetMfa(@PathVariable UUID id, RedirectAttributes redirect) {
		administration.resetMfa(id);
		redirect.addFlashAttribute("notice", "Authenticator enrolment removed.");
		return "redirect:/admin/users";
	}

	private static String blankToEmpty(@Nullable String text) {
		return text == null ? "" : text.strip();
	}
}
