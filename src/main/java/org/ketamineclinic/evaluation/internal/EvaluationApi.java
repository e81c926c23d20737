package org.ketamineclinic.evaluation.internal;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.ketamineclinic.evaluation.internal.EvaluationService.EvaluationView;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The "Evaluation" section of api-contract.md (evaluations and sign-off). */
@RestController
class EvaluationApi {

	private final EvaluationService evaluations;

	EvaluationApi(EvaluationService evaluations) {
		this.evaluations = evaluations;
	}

	@PostMapping("/api/v1/patients/{id}/evaluations")
	ResponseEntity<EvaluationView> evaluate(@PathVariable UUID id, @RequestBody EvaluationService.Request body) {
		EvaluationView created = evaluations.evaluate(id, body);
		return ResponseEntity.created(URI.create("/api/v1/evaluations/" + created.id())).body(created);
	}

	@GetMapping("/api/v1/patients/{id}/evaluations")
	List<EvaluationView> forPatient(@PathVariable UUID id) {
		return evaluations.forPatient(id);
	}

	@GetMapping("/api/v1/evaluations/{id}")
	EvaluationView get(@PathVariable UUID id) {
		return evaluations.get(id);
	}

	@PostMapping("/api/v1/evaluations/{id}/sign-off")
	EvaluationView signOff(@PathVariable UUID id, @RequestBody EvaluationService.SignOffRequest body) {
		return evaluations.signOff(id, body);
	}
}
