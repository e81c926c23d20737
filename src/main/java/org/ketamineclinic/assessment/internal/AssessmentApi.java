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

	AssessmentApi(AssessmentService assessments, RiskAlertService alerts) {
		this.assessments = assessments;
		this.alerts = alerts;
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
