package org.ketamineclinic.home;

import java.time.LocalDate;

import org.ketamineclinic.identity.ClinicUser;
import org.ketamineclinic.identity.CurrentUser;
import org.ketamineclinic.platform.ClinicTimeZone;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Where everyone lands after signing in: staff see today, patients their portal. */
@Controller
class HomePage {

	private final CurrentUser currentUser;
	private final ClinicTimeZone zone;

	HomePage(CurrentUser currentUser, ClinicTimeZone zone) {
		this.currentUser = currentUser;
		this.zone = zone;
	}

	@GetMapping("/")
	String home(Model model) {
		ClinicUser user = currentUser.get();
		if (user.isPatient()) {
			return "redirect:/portal";
		}
		model.addAttribute("today", LocalDate.now(zone.zone()));
		model.addAttribute("user", user);
		return "home";
	}
}
