package org.ketamineclinic.identity.internal;

import java.util.UUID;

import jakarta.servlet.http.HttpSession;
import org.ketamineclinic.identity.CurrentUser;
import org.ketamineclinic.platform.InvalidInput;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A person's own settings: password, authenticator app, API tokens. */
@Controller
@RequestMapping("/settings")
class SettingsPages {

	private static final String PENDING_SECRET = "pendingTotpSecret";

	record PasswordForm(String currentPassword, String newPassword) {
	}

	record TotpForm(String code) {
	}

	private final AccountAdministration administration;
	private final ApiTokenService tokens;
	private final CurrentUser currentUser;

	SettingsPages(AccountAdministration administration, ApiTokenService tokens, CurrentUser currentUser) {
		this.administration = administration;
		this.tokens = tokens;
		this.currentUser = currentUser;
	}

	@GetMapping
	String settings(Model model) {
		model.addAttribute("account", administration.me());
		model.addAttribute("tokens", tokens.list(currentUser.get().userId()));
		return "settings";
	}

	@PostMapping("/password")
	String changePassword(PasswordForm form, Model model, RedirectAttributes redirect) {
		try {
			administration.changeOwnPassword(form.currentPassword(), form.newPassword());
		}
		catch (InvalidInput invalid) {
			model.addAttribute("passwordProblems", invalid.problems());
			return settings(model);
		}
		redirect.addFlashAttribute("notice", "Password changed.");
		return "redirect:/settings";
	}

	@PostMapping("/tokens/{id}/revoke")
	String revoke(@PathVariable UUID id, RedirectAttributes redirect) {
		tokens.revoke(currentUser.get().userId(), id);
		redirect.addFlashAttribute("notice", "Token revoked.");
		return "redirect:/settings";
	}

	@GetMapping("/mfa")
	String mfa(HttpSession session, Model model) {
		String secret = (String) session.getAttribute(PENDING_SECRET);
		if (secret == null) {
			secret = Totp.newSecret();
			session.setAttribute(PENDING_SECRET, secret);
		}
		model.addAttribute("account", administration.me());
		model.addAttribute("secret", secret);
		model.addAttribute("otpauthUri", Totp.otpauthUri("Ketamine Clinic", currentUser.get().username(), secret));
		return "mfa";
	}

	@PostMapping("/mfa")
	String enrol(TotpForm form, HttpSession session, Model model, RedirectAttributes redirect) {
		String secret = (String) session.getAttribute(PENDING_SECRET);
		if (secret == null) {
			return "redirect:/settings/mfa";
		}
		try {
			administration.enrolTotp(secret, form.code() == null ? "" : form.code().strip());
		}
		catch (InvalidInput invalid) {
			model.addAttribute("codeProblems", invalid.problems());
			return mfa(session, model);
		}
		session.removeAttribute(PENDING_SECRET);
		redirect.addFlashAttribute("notice", "Authenticator app enrolled: you will be asked for a code at each sign-in.");
		return "redirect:/settings";
	}
}
