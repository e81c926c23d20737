package org.ketamineclinic.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/** Chart set-up for course tests: a patient with a current, physician-approved evaluation for a route. */
public final class Courses {

	private Courses() {
	}

	/** Registers a complete chart, evaluates it for {@code route} and signs it off as APPROVED; returns the patient id. */
	public static String approvedPatient(ApiClient api, String familyNamePrefix, String route, String indication) {
		String patient = EvaluationCharts.complete(api, familyNamePrefix);
		approve(api, patient, route, indication);
		return patient;
	}

	public static void approve(ApiClient api, String patient, String route, String indication) {
		ApiClient.Response evaluated = api.post(api.token("nurse"), "/api/v1/patients/" + patient + "/evaluations",
				Map.of("route", route, "indication", indication));
		assertThat(evaluated.status()).as(evaluated.body()).isEqualTo(201);
		JsonNode evaluation = evaluated.json();
		List<Map<String, String>> acknowledgements = new ArrayList<>();
		for (JsonNode finding : evaluation.get("findings")) {
			if (finding.get("severity").asString().equals("RELATIVE")) {
				acknowledgements.add(Map.of("ruleId", finding.get("ruleId").asString(), "reason", "Reviewed with the patient"));
			}
		}
		ApiClient.Response approved = api.post(api.token("physician"),
				"/api/v1/evaluations/" + evaluation.get("id").asString() + "/sign-off",
				Map.of("decision", "APPROVED", "note", "Meets the criteria", "acknowledgements", acknowledgements));
		assertThat(approved.status()).as(approved.body()).isEqualTo(200);
	}
}
