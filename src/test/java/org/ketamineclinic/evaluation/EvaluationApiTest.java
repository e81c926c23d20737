package org.ketamineclinic.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ketamineclinic.support.ApiClient;
import org.ketamineclinic.support.ClinicIntegrationTest;
import org.ketamineclinic.support.EvaluationCharts;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The "Evaluation" section of api-contract.md: rules on the real chart, sign-off, and out-of-date evaluations. */
@ClinicIntegrationTest
class EvaluationApiTest {

	@LocalServerPort
	int port;

	ApiClient api;
	String nurse;
	String physician;

	/** A chart with everything the rules need: weight, blood pressure, a baseline PHQ-9 and two adequate failed trials. */
	String completeChart() {
		api = new ApiClient(port);
		nurse = api.token("nurse");
		physician = api.token("physician");
		return EvaluationCharts.complete(api, "Luation");
	}

	JsonNode evaluate(String patient, String route) {
		ApiClient.Response created = api.post(nurse, "/api/v1/patients/" + patient + "/evaluations",
				Map.of("route", route, "indication", "TRD"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json();
	}

	static List<String> ruleIds(JsonNode evaluation) {
		List<String> ids = new ArrayList<>();
		evaluation.get("findings").forEach(f -> ids.add(f.get("ruleId").asString()));
		return ids;
	}

	@Test
	void aRelativeFindingMustBeAcknowledgedBeforeApproval() {
		String patient = completeChart();
		api.post(nurse, "/api/v1/patients/" + patient + "/history-findings", Map.of("finding", "MANIA_HISTORY", "status", "PAST"));
		JsonNode evaluation = evaluate(patient, "IV_KETAMINE");
		assertThat(evaluation.get("decision").asString()).isEqualTo("ELIGIBLE_WITH_CAUTIONS");
		assertThat(evaluation.get("adequateFailedTrials").asInt()).isEqualTo(2);
		assertThat(evaluation.get("treatmentResistant").asBoolean()).isTrue();
		assertThat(ruleIds(evaluation)).contains("RAC_REL_MANIA");
		assertThat(evaluation.get("findings").get(0).get("source").asString()).isNotBlank();

		String signOff = "/api/v1/evaluations/" + evaluation.get("id").asString() + "/sign-off";
		ApiClient.Response unacknowledged = api.post(physician, signOff, Map.of("decision", "APPROVED", "note", "Go ahead"));
		assertThat(unacknowledged.status()).isEqualTo(422);
		assertThat(unacknowledged.body()).contains("RAC_REL_MANIA");
		assertThat(api.post(nurse, signOff, Map.of("decision", "APPROVED", "note", "x")).status()).isEqualTo(403);

		ApiClient.Response approved = api.post(physician, signOff, Map.of("decision", "APPROVED", "note", "Stable for 6 years",
				"acknowledgements", List.of(Map.of("ruleId", "RAC_REL_MANIA", "reason", "Euthymic on lithium, psychiatrist agrees"))));
		assertThat(approved.status()).as(approved.body()).isEqualTo(200);
		assertThat(approved.json().get("signedOff").get("by").asString()).isEqualTo("physician");
		assertThat(approved.json().get("signedOff").get("decision").asString()).isEqualTo("APPROVED");
		assertThat(api.post(physician, signOff, Map.of("decision", "DECLINED", "note", "changed my mind")).status())
			.as("sign-offs are immutable").isEqualTo(409);
	}

	@Test
	void anEsketamineLabelContraindicationCannotBeOverridden() {
		String patient = completeChart();
		api.post(nurse, "/api/v1/patients/" + patient + "/history-findings",
				Map.of("finding", "ANEURYSMAL_VASCULAR_DISEASE", "status", "ACTIVE"));
		JsonNode evaluation = evaluate(patient, "IN_ESKETAMINE");
		assertThat(evaluation.get("decision").asString()).isEqualTo("INELIGIBLE");
		ApiClient.Response approve = api.post(physician, "/api/v1/evaluations/" + evaluation.get("id").asString() + "/sign-off",
				Map.of("decision", "APPROVED", "note", "Override", "acknowledgements",
						List.of(Map.of("ruleId", "ESK_ABS_ANEURYSM", "reason", "I accept the risk"))));
		assertThat(approve.status()).isEqualTo(422);
		assertThat(approve.body()).contains("cannot be overridden");
	}

	@Test
	void missingFactsMakeItIncompleteAndSayWhat() {
		api = new ApiClient(port);
		nurse = api.token("nurse");
		String patient = api.post(nurse, "/api/v1/patients", Map.of("givenName", "Inco", "familyName", "Mplete" + System.nanoTime(),
				"birthDate", "1980-02-02", "sexAtBirth", "MALE")).json().get("id").asString();
		JsonNode evaluation = evaluate(patient, "IV_KETAMINE");
		assertThat(evaluation.get("decision").asString()).isEqualTo("INCOMPLETE");
		assertThat(evaluation.get("missing").size()).isGreaterThanOrEqualTo(4);
	}

	@Test
	void aHistoryEditMakesEarlierEvaluationsOutOfDate() {
		String patient = completeChart();
		JsonNode evaluation = evaluate(patient, "IV_KETAMINE");
		String path = "/api/v1/evaluations/" + evaluation.get("id").asString();
		assertThat(api.get(nurse, path).json().get("outOfDate").asBoolean()).isFalse();
		api.post(nurse, "/api/v1/patients/" + patient + "/medications", Map.of("name", "Lorazepam", "medicationClass",
				"BENZODIAZEPINE", "dose", "0.5 mg"));
		JsonNode after = api.get(nurse, path).json();
		assertThat(after.get("outOfDate").asBoolean()).isTrue();
		assertThat(after.get("outOfDateReason").asString()).contains("medication");
		assertThat(api.post(physician, path + "/sign-off", Map.of("decision", "APPROVED", "note", "ok")).status()).isEqualTo(409);
	}

	@Test
	void rejectsUnknownRoutes() {
		api = new ApiClient(port);
		nurse = api.token("nurse");
		String patient = completeChart();
		ApiClient.Response bad = api.post(nurse, "/api/v1/patients/" + patient + "/evaluations",
				Map.of("route", "ORAL", "indication", "TRD"));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("route");
	}
}
