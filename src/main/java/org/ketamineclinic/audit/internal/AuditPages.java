package org.ketamineclinic.audit.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.identity.CurrentUser;
import org.ketamineclinic.platform.ClinicTimeZone;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Administrators search their clinic's audit by patient, user and date. */
@Controller
class AuditPages {

	static final int PAGE_LIMIT = 500;

	record AuditFilter(@Nullable UUID patientId, @Nullable String username,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
	}

	private final AuditLog log;
	private final CurrentUser currentUser;
	private final ZoneId clinicZone;

	AuditPages(AuditLog log, CurrentUser currentUser, ClinicTimeZone clinicZone) {
		this.log = log;
		this.currentUser = currentUser;
		this.clinicZone = clinicZone.zone();
	}

	@GetMapping("/admin/audit")
	@PreAuthorize("hasRole('ADMIN')")
	String search(@ModelAttribute("filter") AuditFilter filter, Model model) {
		model.addAttribute("entries", log.search(currentUser.clinic().value(), filter.patientId(), filter.username(),
				filter.from() == null ? null : filter.from().atStartOfDay(clinicZone).toInstant(),
				filter.to() == null ? null : filter.to().plusDays(1).atStartOfDay(clinicZone).toInstant(), PAGE_LIMIT));
		model.addAttribute("limit", PAGE_LIMIT);
		model.addAttribute("zone", clinicZone);
		return "admin/audit";
	}
}
