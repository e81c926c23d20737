package org.ketamineclinic.assessment.internal;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.assessment.internal.AssessmentService.AssessmentView;
import org.ketamineclinic.assessment.internal.AssessmentService.Draft;
import org.ketamineclinic.assessment.internal.RiskAlertService.AlertView;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The "Assessments" section of api-contract.md, plus the risk alerts they raise. */
@RestController
class AssessmentApi {

	record AcknowledgementBody(@Nullable String action) {
	}

	private final AssessmentService assessments;
	private final RiskAlertService alerts;
	private final MeasureScheduleService schedules;

	AssessmentApi(AssessmentService assessments, RiskAlertService alerts, MeasureScheduleService schedules) {
		this.assessments = assessments;
		this.alerts = alerts;
		this.schedules = schedules;
	}

	@PostMapping("/api/v1/patients/{id}/measure-schedules")
	ResponseEntity<MeasureScheduleService.ScheduleView> assign(@PathVariable UUID id,
			@RequestBody MeasureScheduleService.Assignment body) {
		MeasureScheduleService.ScheduleView created = schedules.assign(id, body);
		return ResponseEntity.created(URI.create("/api/v1/measure-schedules/" + created.id())).body(created);
	}

	@GetMapping("/api/v1/patients/{id}/measure-schedules")
	List<MeasureScheduleService.ScheduleView> schedules(@PathVariable UUID id) {
		return schedules.forPatient(id);
	}

	@PostMapping("/api/v1/measure-schedules/{id}/stop")
	ResponseEntity<Void> stop(@PathVariable UUID id) {
		schedules.stop(id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/v1/measures/overdue")
	List<MeasureScheduleService.OverdueView> overdue() {
		return schedules.overdue();
	}

	@PostMapping("/api/v1/patients/{id}/assessments")
	ResponseEntity<AssessmentView> record(@PathVariable UUID id, @RequestBody Draft body) {
		AssessmentView recorded = assessments.record(id, body);
		return ResponseEntity.created(URI.create("/api/v1/patients/" + id + "/assessments/" + recorded.id())).body(recorded);
	}

	@GetMapping("/api/v1/patients/{id}/assessments")
	List<AssessmentView> list(@PathVariable UUID id, @RequestParam(required = false) @Nullable String instrument) {
		return assessments.list(id, instrument);
	}

	@GetMapping("/api/v1/patients/{id}/response")
	AssessmentService.ResponseView response(@PathVariable UUID id, @RequestParam String instrument) {
		return assessments.response(id, instrument);
	}

	@GetMapping("/api/v1/alerts")
	List<AlertView> openAlerts() {
		return alerts.open();
	}

	@GetMapping("/api/v1/alerts/{id}")
	AlertView alert(@PathVariable UUID id) {
		return alerts.get(id);
	}

	@PostMapping("/api/v1/alerts/{id}/acknowledgements")
	AlertView acknowledge(@PathVariable UUID id, @RequestBody AcknowledgementBody body) {
		return alerts.acknowledge(id, body.action());
	}
}
