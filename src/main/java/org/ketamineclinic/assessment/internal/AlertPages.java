package org.ketamineclinic.assessment.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.assessment.internal.AssessmentService.AssessmentView;
import org.ketamineclinic.assessment.internal.MeasureScheduleService.OverdueView;
import org.ketamineclinic.assessment.internal.RiskAlertService.AlertView;
import org.ketamineclinic.identity.Accounts;
import org.ketamineclinic.identity.Accounts.StaffMember;
import org.ketamineclinic.identity.ClinicUser;
import org.ketamineclinic.identity.CurrentUser;
import org.ketamineclinic.identity.Role;
import org.ketamineclinic.patient.PatientRegistry;
import org.ketamineclinic.patient.PatientRegistry.PatientSummary;
import org.ketamineclinic.platform.ClinicTimeZone;
import org.ketamineclinic.platform.ActionTaken;
import org.ketamineclinic.platform.Conflict;
import org.ketamineclinic.platform.InvalidInput;
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
 * Risk alerts for the care team: the open list and the overdue measures on the staff home (served
 * here as a fragment, so the home page needs nothing of this module), and one alert's page where a
 * physician documents what was done.
 */
@Controller
@RequestMapping("/alerts")
class AlertPages {

	/** An alert with the names a person needs to act on it. */
	record AlertRow(AlertView alert, String patientName, String mrn, String assignedTo, String shortName) {
	}

	private final RiskAlertService alerts;
	private final MeasureScheduleService schedules;
	private final AssessmentService assessments;
	private final PatientRegistry patients;
	private final Accounts accounts;
	private final CurrentUser currentUser;
	private final ClinicTimeZone zone;

	AlertPages(RiskAlertService alerts, MeasureScheduleService schedules, AssessmentService assessments,
			PatientRegistry patients, Accounts accounts, CurrentUser currentUser, ClinicTimeZone zone) {
		this.alerts = alerts;
		this.schedules = schedules;
		this.assessments = assessments;
		this.patients = patients;
		this.accounts = accounts;
		this.currentUser = currentUser;
		this.zone = zone;
	}

	/** Open alerts and overdue measures, as the staff home shows them; also a page of its own without script. */
	@GetMapping
	@PreAuthorize("hasAnyRole('PHYSICIAN','NURSE','THERAPIST','FRONT_DESK')")
	String list(Model model) {
		lists(model);
		return "alerts/list";
	}

	@GetMapping("/home-fragment")
	@PreAuthorize("hasAnyRole('PHYSICIAN','NURSE','THERAPIST','FRONT_DESK')")
	String homeFragment(Model model) {
		lists(model);
		return "alerts/list :: lists";
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAnyRole('PHYSICIAN','NURSE','THERAPIST')")
	String alert(@PathVariable UUID id, Model model) {
		return page(model, alerts.get(id), null, null, null);
	}

	@PostMapping("/{id}/acknowledge")
	@PreAuthorize("hasRole('PHYSICIAN')")
	String acknowledge(@PathVariable UUID id, @RequestParam(required = false) @Nullable String action, Model model,
			RedirectAttributes redirect) {
		try {
			AlertView done = alerts.acknowledge(id, action);
			redirect.addFlashAttribute("notice", "Alert acknowledged for " + patientName(done.patientId()) + ". Your action is documented.");
			return "redirect:/";
		}
		catch (InvalidInput invalid) {
			return page(model, alerts.get(id), action, ActionTaken.problem(invalid), null);
		}
		catch (Conflict conflict) {
			return page(model, alerts.get(id), action, null, conflict.getMessage());
		}
	}

	private void lists(Model model) {
		ClinicUser user = currentUser.get();
		boolean clinical = user.role() == Role.PHYSICIAN || user.role() == Role.NURSE || user.role() == Role.THERAPIST;
		List<AlertRow> open = clinical ? alerts.open().stream().map(alert -> row(alert, physicians(user))).toList() : null;
		if (open != null) {
			// The viewer's own alerts first, each group oldest first as the service gives them.
			open = open.stream().sorted((a, b) -> Boolean.compare(b.alert().mine(), a.alert().mine())).toList();
		}
		List<OverdueView> overdue = schedules.overdue();
		model.addAttribute("openAlerts", open);
		model.addAttribute("overdue", overdue.stream().map(o -> Map.entry(ScaleForm.shortName(o.instrument()), o)).toList());
		model.addAttribute("zone", zone.zone());
	}

	private String page(Model model, AlertView alert, @Nullable String action, @Nullable String actionError,
			@Nullable String problem) {
		ClinicUser user = currentUser.get();
		AlertRow row = row(alert, physicians(user));
		Optional<AssessmentView> assessment = assessments.list(alert.patientId(), null).stream()
			.filter(a -> a.id().equals(alert.assessmentId()))
			.findFirst();
		model.addAttribute("row", row);
		model.addAttribute("alert", alert);
		model.addAttribute("assessment", assessment.orElse(null));
		model.addAttribute("assessmentName", assessment.map(a -> ScaleForm.shortName(a.instrument())).orElse(null));
		model.addAttribute("assessmentSeverity", assessment.map(a -> ScaleForm.severityLabel(a.severity())).orElse(null));
		model.addAttribute("escalatedTo", alert.escalatedAt() == null ? null : "every physician of the clinic");
		model.addAttribute("action", action == null ? "" : action);
		model.addAttribute("actionError", actionError);
		model.addAttribute("problem", problem);
		model.addAttribute("mayAcknowledge", user.role() == Role.PHYSICIAN && alert.acknowledgedAt() == null);
		model.addAttribute("zone", zone.zone());
		return "alerts/alert";
	}

	private Map<UUID, String> physicians(ClinicUser user) {
		return accounts.staff(user.clinicId(), Role.PHYSICIAN).stream()
			.collect(Collectors.toMap(StaffMember::userId, StaffMember::displayName, (a, b) -> a));
	}

	private AlertRow row(AlertView alert, Map<UUID, String> physicians) {
		PatientSummary patient = patients.find(alert.patientId()).orElse(null);
		String assigned = alert.mine() ? "You"
				: alert.assignedTo() == null ? "All physicians (no responsible physician set)"
						: physicians.getOrDefault(alert.assignedTo(), "A physician no longer active");
		String name = patient == null ? "Unknown patient" : patient.familyName() + ", " + patient.givenName();
		String shortName = alert.code().equals(AssessmentService.SUICIDE_RISK) ? "Suicide risk" : ScaleForm.severityLabel(alert.code());
		return new AlertRow(alert, name, patient == null ? "" : patient.mrn(), assigned, shortName);
	}

	private String patientName(UUID patientId) {
		return patients.find(patientId).map(p -> p.givenName() + " " + p.familyName()).orElse("the patient");
	}
}
