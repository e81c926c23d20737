package org.ketamineclinic.patient.internal;

import org.ketamineclinic.identity.CurrentUser;
import org.ketamineclinic.platform.ClinicTimeZone;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** A patient's own record, read through the same checks as staff: a patient account sees only itself. */
@Controller
class PortalPages {

	private final PatientService patients;
	private final CurrentUser currentUser;
	private final ClinicTimeZone zone;

	PortalPages(PatientService patients, CurrentUser currentUser, ClinicTimeZone zone) {
		this.patients = patients;
		this.currentUser = currentUser;
		this.zone = zone;
	}

	@GetMapping("/portal")
	@PreAuthorize("hasRole('PATIENT')")
	String portal(Model model) {
		model.addAttribute("chart", patients.chart(currentUser.get().patientId()));
		model.addAttribute("zone", zone.zone());
		return "portal";
	}
}
