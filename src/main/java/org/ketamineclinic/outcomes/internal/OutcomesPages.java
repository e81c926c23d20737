package org.ketamineclinic.outcomes.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.identity.ClinicUser;
import org.ketamineclinic.identity.CurrentUser;
import org.ketamineclinic.identity.Role;
import org.ketamineclinic.outcomes.internal.RelapseAlertService.RelapseAlertView;
import org.ketamineclinic.outcomes.internal.TrajectoryService.Trajectory;
import org.ketamineclinic.patient.ChartBanner;
import org.ketamineclinic.patient.PatientRegistry;
import org.ketamineclinic.patient.PatientRegistry.PatientSummary;
import org.ketamineclinic.platform.ClinicTimeZone;
import org.ketamineclinic.platform.ActionTaken;
import org.ketamineclinic.platform.Conflict;
import org.ketamineclinic.platform.InvalidInput;
import org.ketamineclinic.platform.NotFound;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The chart's Trajectory tab (the chart script reads the trajectory from a data attribute, the
 * table under it says the same for screen readers), relapse alerts on the staff home for
 * physicians, and one relapse alert's page where a physician documents the action.
 */
@Controller
class OutcomesPages {

	private final TrajectoryService trajectories;
	private final RelapseAlertService relapses;
	private final PatientRegistry patients;
	private final CurrentUser currentUser;
	private final ClinicTimeZone zone;
	private final JsonMapper json;

	OutcomesPages(TrajectoryService trajectories, RelapseAlertService relapses, PatientRegistry patients, CurrentUser currentUser,
			ClinicTimeZone zone, JsonMapper json) {
		this.trajectories = trajectories;
		this.relapses = relapses;
		this.patients = patients;
		this.currentUser = currentUser;
		this.zone = zone;
		this.json = json;
	}

	@GetMapping("/patients/{id}/trajectory")
	@PreAuthorize("hasAnyRole('PHYSICIAN','NURSE','THERAPIST')")
	String trajectory(@PathVariable UUID id, Model model) {
		PatientSummary patient = patients.find(id).filter(p -> !p.voided()).orElseThrow(() -> new NotFound("Patient", id));
		Trajectory trajectory = trajectories.of(id);
		model.addAttribute("banner", ChartBanner.of(patient, LocalDate.now(zone.zone())));
		model.addAttribute("patientId", id);
		model.addAttribute("trajectory", trajectory);
		model.addAttribute("trajectoryJson", json.writeValueAsString(trajectory));
		model.addAttribute("rows", rows(trajectory));
		model.addAttribute("zone", zone.zone());
		return "outcomes/trajectory";
	}

	@GetMapping("/relapse-alerts/home-fragment")
	@PreAuthorize("hasAnyRole('PHYSICIAN','NURSE','THERAPIST','FRONT_DESK')")
	String homeFragment(Model model) {
		ClinicUser user = currentUser.get();
		model.addAttribute("relapseAlerts", user.role() == Role.PHYSICIAN
				? relapses.open().stream().map(a -> new Row(a, patientName(a.patientId()))).sorted((a, b) -> Boolean.compare(b.alert().mine(), a.alert().mine())).toList()
				: null);
		model.addAttribute("zone", zone.zone());
		return "outcomes/relapse-alerts :: card";
	}

	record Row(RelapseAlertView alert, String patientName) {
	}

	/** A line of the table under the chart: everything on the chart in time order. */
	record TableRow(Instant at, String when, String kind, String what, String detail) {
	}

	private List<TableRow> rows(Trajectory t) {
		ZoneId z = zone.zone();
		DateTimeFormatter minute = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
		List<TableRow> rows = new ArrayList<>();
		t.phases().forEach(p -> rows.add(new TableRow(p.from().atStartOfDay(z).toInstant(), p.from() + " to " + p.to(), "phase",
				p.phase().equals("INDUCTION") ? "Induction" : "Maintenance", p.protocol())));
		t.scores().forEach(s -> rows.add(new TableRow(s.at(), minute.format(s.at().atZone(z)), "score", s.scale(),
				"Total " + s.total() + (s.severity() == null ? "" : " (" + s.severity() + ")"))));
		t.doses().forEach(d -> rows.add(new TableRow(d.at(), minute.format(d.at().atZone(z)), "dose", "Dose",
				d.routeLabel() + ", " + d.doseMg().stripTrailingZeros().toPlainString() + " mg")));
		t.events().forEach(e -> rows.add(new TableRow(e.at(), minute.format(e.at().atZone(z)), e.kind().equals("ALERT") ? "alert" : "side-effect",
				e.kind().equals("ALERT") ? "Session alert" : "Side effect", e.code() + " (" + e.severity() + ")")));
		rows.sort(Comparator.comparing(TableRow::at));
		return rows;
	}

	@GetMapping("/relapse-alerts/{id}")
	@PreAuthorize("hasAnyRole('PHYSICIAN','NURSE','THERAPIST')")
	String alert(@PathVariable UUID id, Model model) {
		return page(model, relapses.get(id), null, null, null);
	}

	@PostMapping("/relapse-alerts/{id}/acknowledge")
	@PreAuthorize("hasRole('PHYSICIAN')")
	String acknowledge(@PathVariable UUID id, @RequestParam(required = false) @Nullable String action, Model model,
			RedirectAttributes redirect) {
		try {
			RelapseAlertView done = relapses.acknowledge(id, action);
			redirect.addFlashAttribute("notice", "Relapse alert acknowledged for " + patientName(done.patientId()) + ". Your action is documented.");
			return "redirect:/";
		}
		catch (InvalidInput invalid) {
			return page(model, relapses.get(id), action, ActionTaken.problem(invalid), null);
		}
		catch (Conflict conflict) {
			return page(model, relapses.get(id), action, null, conflict.getMessage());
		}
	}

	private String page(Model model, RelapseAlertView alert, @Nullable String action, @Nullable String actionError,
			@Nullable String problem) {
		model.addAttribute("alert", alert);
		model.addAttribute("patientName", patientName(alert.patientId()));
		model.addAttribute("scale", TrajectoryService.scale(alert.instrument()));
		model.addAttribute("action", action == null ? "" : action);
		model.addAttribute("actionError", actionError);
		model.addAttribute("problem", problem);
		model.addAttribute("mayAcknowledge", currentUser.get().role() == Role.PHYSICIAN && alert.acknowledgedAt() == null);
		model.addAttribute("zone", zone.zone());
		return "outcomes/relapse-alert";
	}

	private String patientName(UUID patientId) {
		return patients.find(patientId).map(p -> p.familyName() + ", " + p.givenName()).orElse("Unknown patient");
	}
}
