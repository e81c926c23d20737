package org.ketamineclinic.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ketamineclinic.security.WebSession;
import org.ketamineclinic.support.ApiClient;
import org.ketamineclinic.support.ClinicIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Acceptance item 4: per-clinic evaluation policy with its history. Every test that changes a
 * setting puts the default back, because all integration tests share the demo clinic.
 */
@ClinicIntegrationTest
class ClinicPolicyApiTest {

	@LocalServerPort
	int port;

	ApiClient api;
	String nurse;
	String physician;

	void tokens() {
		api = new ApiClient(port);
		nurse = api.token("nurse");
		physician = api.token("physician");
	}

	/** Weight, blood pressure, a PHQ-9, a 12-week and a 7-week failed trial. */
	String chartWithASevenWeekTrial() {
		String id = api.post(nurse, "/api/v1/patients", Map.of("givenName", "Poli", "familyName", "Cy" + System.nanoTime(),
				"birthDate", "1979-03-03", "sexAtBirth", "MALE", "weightKg", 80, "heightCm", 180)).json().get("id").asString();
		String chart = "/api/v1/patients/" + id;
		assertThat(api.post(nurse, chart + "/measurements", Map.of("sbp", 126, "dbp", 80)).status()).isEqualTo(201);
		assertThat(api.post(nurse, chart + "/assessments", Map.of("instrument", "PHQ9",
				"answers", List.of(3, 3, 2, 2, 2, 2, 2, 1, 0))).status()).isEqualTo(201);
		assertThat(api.post(nurse, chart + "/antidepressant-trials", Map.of("drug", "Sertraline", "dailyDoseMg", 150,
				"startDate", "2025-01-06", "endDate", "2025-03-31", "adherent", true, "outcome", "NO_RESPONSE",
				"currentEpisode", true)).status()).isEqualTo(201);
		assertThat(api.post(nurse, chart + "/antidepressant-trials", Map.of("drug", "Escitalopram", "dailyDoseMg", 20,
				"startDate", "2025-05-05", "endDate", "2025-06-23", "adherent", true, "outcome", "NO_RESPONSE",
				"currentEpisode", true)).status()).isEqualTo(201);
		return id;
	}

	JsonNode evaluate(String patient, String route) {
		ApiClient.Response created = api.post(nurse, "/api/v1/patients/" + patient + "/evaluations",
				Map.of("route", route, "indication", "TRD"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json();
	}

	JsonNode setting(JsonNode policy, String key) {
		for (JsonNode setting : policy.get("settings")) {
			if (setting.get("key").asString().equals(key)) {
				return setting;
			}
		}
		throw new AssertionError("no setting " + key + " in " + policy);
	}

	ApiClient.Response change(String token, String key, Object value, String reason) {
		return api.put(token, "/api/v1/clinic-policy/" + key, Map.of("value", value, "reason", reason));
	}

	@Test
	void eightWeekTrialsChangeTheTrdCountAndTheChangeIsRecorded() {
		tokens();
		String patient = chartWithASevenWeekTrial();
		JsonNode before = evaluate(patient, "IV_KETAMINE");
		assertThat(before.get("adequateFailedTrials").asInt()).as("6 weeks by default").isEqualTo(2);
		assertThat(before.get("treatmentResistant").asBoolean()).isTrue();

		Instant started = Instant.now().minus(1, ChronoUnit.MINUTES);
		try {
			ApiClient.Response changed = change(physician, "adequateTrialWeeks", 8, "Payer requires 8 weeks");
			assertThat(changed.status()).as(changed.body()).isEqualTo(200);
			JsonNode weeks = setting(changed.json(), "adequateTrialWeeks");
			assertThat(weeks.get("defaultValue").asString()).isEqualTo("6");
			assertThat(weeks.get("currentValue").asString()).isEqualTo("8");
			assertThat(weeks.get("source").asString()).contains("clinical reference §2").contains("(POLICY)");

			JsonNode after = evaluate(patient, "IV_KETAMINE");
			assertThat(after.get("adequateFailedTrials").asInt()).as("a 7-week trial no longer counts").isEqualTo(1);
			assertThat(after.get("treatmentResistant").asBoolean()).isFalse();
			assertThat(after.get("trials").toString()).contains("7 weeks of 8");

			JsonNode last = api.get(physician, "/api/v1/clinic-policy").json().get("history").get(0);
			assertThat(last.get("key").asString()).isEqualTo("adequateTrialWeeks");
			assertThat(last.get("oldValue").asString()).isEqualTo("6");
			assertThat(last.get("newValue").asString()).isEqualTo("8");
			assertThat(last.get("reason").asString()).isEqualTo("Payer requires 8 weeks");
			assertThat(last.get("changedBy").asString()).isEqualTo("physician");
			assertThat(Instant.parse(last.get("changedAt").asString())).isAfter(started);
		}
		finally {
			assertThat(change(physician, "adequateTrialWeeks", 6, "Back to the reference default").status()).isEqualTo(200);
		}
		JsonNode policy = api.get(physician, "/api/v1/clinic-policy").json();
		assertThat(setting(policy, "adequateTrialWeeks").get("currentValue").asString()).isEqualTo("6");
		List<String> trail = new ArrayList<>();
		policy.get("history").forEach(c -> {
			if (c.get("key").asString().equals("adequateTrialWeeks")) {
				trail.add(c.get("oldValue").asString() + "->" + c.get("newValue").asString());
			}
		});
		assertThat(trail).as("changes are appended, never overwritten").startsWith("8->6", "6->8");
	}

	@Test
	void outOfRangeOrUnexplainedChangesAreRefusedAndNothingIsStored() {
		tokens();
		int historyBefore = api.get(physician, "/api/v1/clinic-policy").json().get("history").size();

		ApiClient.Response tooLong = change(physician, "adequateTrialWeeks", 9, "Longer");
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.json().get("errors").get(0).get("field").asString()).isEqualTo("value");
		assertThat(tooLong.json().get("errors").get(0).get("message").asString()).contains("4 to 8");

		ApiClient.Response noReason = api.put(physician, "/api/v1/clinic-policy/adequateTrialWeeks", Map.of("value", 5));
		assertThat(noReason.status()).isEqualTo(400);
		assertThat(noReason.json().get("errors").get(0).get("field").asString()).isEqualTo("reason");

		assertThat(change(physician, "ivPreDoseSystolicLimit", 300, "x").status()).isEqualTo(400);
		assertThat(change(physician, "racemic.ANEURYSMAL_VASCULAR_DISEASE", "SOMETIMES", "x").status()).isEqualTo(400);

		JsonNode after = api.get(physician, "/api/v1/clinic-policy").json();
		assertThat(setting(after, "adequateTrialWeeks").get("currentValue").asString()).isEqualTo("6");
		assertThat(setting(after, "ivPreDoseSystolicLimit").get("currentValue").asString()).isEqualTo("180");
		assertThat(after.get("history").size()).isEqualTo(historyBefore);
	}

	@Test
	void onlyAdministratorsAndPhysiciansSeeOrChangeThePolicy() {
		tokens();
		assertThat(api.get(nurse, "/api/v1/clinic-policy").status()).isEqualTo(403);
		assertThat(change(nurse, "adequateTrialWeeks", 8, "Nurse wants it").status()).isEqualTo(403);
		assertThat(api.get(api.token("therapist"), "/api/v1/clinic-policy").status()).isEqualTo(403);
		assertThat(api.get(api.token("admin"), "/api/v1/clinic-policy").status()).isEqualTo(200);
		assertThat(setting(api.get(physician, "/api/v1/clinic-policy").json(), "adequateTrialWeeks").get("currentValue")
			.asString()).isEqualTo("6");

		WebSession web = new WebSession(port).signIn("physician", ApiClient.DEMO_PASSWORD);
		HttpResponse<String> page = web.get("/settings/clinic-policy");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("adequateTrialWeeks").contains("ESK_ABS_ANEURYSM").contains("cannot be changed");
		HttpResponse<String> refused = web.postForm("/settings/clinic-policy/adequateTrialWeeks",
				Map.of("value", "9", "reason", "Longer", "_csrf", web.csrfTokenOf("/settings/clinic-policy")));
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("Not saved").contains("4 to 8");
		assertThat(new WebSession(port).signIn("nurse", ApiClient.DEMO_PASSWORD).get("/settings/clinic-policy").statusCode())
			.isEqualTo(403);
	}

	@Test
	void regulatoryRulesAreListedButCannotBeChanged() {
		tokens();
		JsonNode policy = api.get(physician, "/api/v1/clinic-policy").json();
		List<String> regulatory = new ArrayList<>();
		policy.get("regulatory").forEach(rule -> {
			assertThat(rule.get("changeable").asBoolean()).isFalse();
			assertThat(rule.get("source").asString()).contains("(REG)");
			regulatory.add(rule.get("ruleId").asString());
		});
		assertThat(regulatory).contains("ESK_ABS_ANEURYSM", "ESK_AGE_UNDER_18", "ESK_PREDOSE_BP_ELEVATED",
				"esketaminePreDoseLimit");
		assertThat(regulatory).noneMatch(id -> id.startsWith("RAC_"));

		for (String key : List.of("ESK_ABS_ANEURYSM", "esketaminePreDoseLimit")) {
			ApiClient.Response refused = change(physician, key, "RELATIVE", "We know better");
			assertThat(refused.status()).as(key).isEqualTo(400);
			assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("key");
			assertThat(refused.body()).contains("cannot be changed");
		}
		assertThat(change(physician, "noSuchSetting", 1, "x").status()).isEqualTo(404);
	}

	@Test
	void aRelaxedRacemicFindingBecomesRelative() {
		tokens();
		String patient = chartWithASevenWeekTrial();
		api.post(nurse, "/api/v1/patients/" + patient + "/history-findings",
				Map.of("finding", "ANEURYSMAL_VASCULAR_DISEASE", "status", "PAST", "note", "AAA repaired 2019"));
		assertThat(severity(evaluate(patient, "IV_KETAMINE"), "RAC_ABS_ANEURYSM")).isEqualTo("ABSOLUTE");
		try {
			assertThat(change(physician, "racemic.ANEURYSMAL_VASCULAR_DISEASE", "relative", "Repaired aneurysms: vascular "
					+ "surgeon review instead").status()).isEqualTo(200);
			assertThat(severity(evaluate(patient, "IV_KETAMINE"), "RAC_ABS_ANEURYSM")).isEqualTo("RELATIVE");
			assertThat(severity(evaluate(patient, "IN_ESKETAMINE"), "ESK_ABS_ANEURYSM")).as("the label is untouched")
				.isEqualTo("ABSOLUTE");
		}
		finally {
			assertThat(change(physician, "racemic.ANEURYSMAL_VASCULAR_DISEASE", "ABSOLUTE", "Back to default").status())
				.isEqualTo(200);
		}
	}

	static String severity(JsonNode evaluation, String ruleId) {
		for (JsonNode finding : evaluation.get("findings")) {
			if (finding.get("ruleId").asString().equals(ruleId)) {
				return finding.get("severity").asString();
			}
		}
		throw new AssertionError("no finding " + ruleId + " in " + evaluation);
	}
}
