package org.ketamineclinic.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ketamineclinic.support.ApiClient;
import org.ketamineclinic.support.ClinicIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The "Assessments" section of api-contract.md over HTTP. */
@ClinicIntegrationTest
class AssessmentApiTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	String newPatient(ApiClient api) {
		return api.post(api.token("nurse"), "/api/v1/patients", Map.of("givenName", "Assa", "familyName",
				"Mentson" + System.nanoTime(), "birthDate", "1985-01-01", "sexAtBirth", "MALE")).json().get("id").asString();
	}

	@Test
	void scoresAndStoresEachAnswerWithItsLoincCode() {
		ApiClient api = new ApiClient(port);
		String patient = newPatient(api);
		ApiClient.Response recorded = api.post(api.token("nurse"), "/api/v1/patients/" + patient + "/assessments",
				Map.of("instrument", "PHQ9", "answers", List.of(3, 3, 2, 2, 2, 1, 1, 1, 0), "completedAt", "2026-11-01T10:00:00Z"));
		assertThat(recorded.status()).isEqualTo(201);
		assertThat(recorded.json().get("total").asInt()).isEqualTo(15);
		assertThat(recorded.json().get("severity").asString()).isEqualTo("MODERATELY_SEVERE");
		assertThat(recorded.json().get("completedAt").asString()).isEqualTo("2026-11-01T10:00:00Z");
		UUID id = UUID.fromString(recorded.json().get("id").asString());
		assertThat(jdbc.queryForList("SELECT loinc FROM assessment_item WHERE assessment_id = ? ORDER BY item_number",
				String.class, id)).containsExactly("44250-9", "44255-8", "44259-0", "44254-1", "44251-7", "44258-2", "44252-5",
						"44253-3", "44260-8");
		assertThat(jdbc.queryForObject("SELECT total_loinc FROM assessment WHERE id = ?", String.class, id)).isEqualTo("44261-6");
	}

	@Test
	void rejectsWrongItemCountsAndOutOfRangeAnswersAndStoresNothing() {
		ApiClient api = new ApiClient(port);
		String patient = newPatient(api);
		String nurse = api.token("nurse");
		ApiClient.Response tooFew = api.post(nurse, "/api/v1/patients/" + patient + "/assessments",
				Map.of("instrument", "PHQ9", "answers", List.of(0, 0, 0)));
		assertThat(tooFew.status()).isEqualTo(400);
		assertThat(tooFew.contentType()).startsWith("application/problem+json");
		assertThat(tooFew.json().get("errors").get(0).get("field").asString()).isEqualTo("answers");
		ApiClient.Response outOfRange = api.post(nurse, "/api/v1/patients/" + patient + "/assessments",
				Map.of("instrument", "GAD7", "answers", List.of(0, 0, 0, 4, 0, 0, 0)));
		assertThat(outOfRange.status()).isEqualTo(400);
		assertThat(outOfRange.json().get("errors").get(0).get("field").asString()).isEqualTo("answers[3]");
		assertThat(api.post(nurse, "/api/v1/patients/" + patient + "/assessments",
				Map.of("instrument", "PHQ10", "answers", List.of(0))).status()).isEqualTo(400);
		assertThat(api.get(nurse, "/api/v1/patients/" + patient + "/assessments").json().size()).isZero();
	}

	@Test
	void cssrsScreenerReportsARiskLevelAndNoTotal() {
		ApiClient api = new ApiClient(port);
		String patient = newPatient(api);
		ApiClient.Response high = api.post(api.token("nurse"), "/api/v1/patients/" + patient + "/assessments",
				Map.of("instrument", "CSSRS_SCREENER", "answers", List.of(1, 1, 1, 1, 0, 0, 0)));
		assertThat(high.status()).isEqualTo(201);
		assertThat(high.json().get("total").isNull()).isTrue();
		assertThat(high.json().get("severity").asString()).isEqualTo("HIGH");
		assertThat(high.json().get("flags").get(0).get("code").asString()).isEqualTo("SUICIDE_RISK");
	}

	@Test
	void responseComparesTheLatestScoreWithTheBaseline() {
		ApiClient api = new ApiClient(port);
		String patient = newPatient(api);
		String nurse = api.token("nurse");
		String path = "/api/v1/patients/" + patient;
		assertThat(api.get(nurse, path + "/response?instrument=PHQ9").json().get("status").asString()).isEqualTo("NO_BASELINE");
		api.post(nurse, path + "/assessments", Map.of("instrument", "PHQ9", "answers", List.of(3, 3, 3, 2, 2, 2, 2, 2, 0),
				"completedAt", "2026-10-01T10:00:00Z"));
		api.post(nurse, path + "/assessments", Map.of("instrument", "PHQ9", "answers", List.of(1, 1, 1, 0, 0, 0, 0, 0, 0),
				"completedAt", "2026-10-20T10:00:00Z"));
		ApiClient.Response response = api.get(nurse, path + "/response?instrument=PHQ9");
		assertThat(response.json().get("baseline").asInt()).isEqualTo(19);
		assertThat(response.json().get("latest").asInt()).isEqualTo(3);
		assertThat(response.json().get("percentChange").decimalValue()).isEqualByComparingTo("-84.2");
		assertThat(response.json().get("status").asString()).isEqualTo("REMISSION");
	}

	@Test
	void patientsCompleteOnlyTheirOwnSelfReports() {
		ApiClient api = new ApiClient(port);
		String patient1 = jdbc.queryForObject("SELECT patient_id FROM user_account WHERE username = 'patient1'", UUID.class).toString();
		String token = api.token("patient1");
		assertThat(api.post(token, "/api/v1/patients/" + patient1 + "/assessments",
				Map.of("instrument", "GAD7", "answers", List.of(1, 1, 1, 1, 1, 1, 1))).status()).isEqualTo(201);
		assertThat(api.post(token, "/api/v1/patients/" + patient1 + "/assessments",
				Map.of("instrument", "MADRS", "answers", List.of(1, 1, 1, 1, 1, 1, 1, 1, 1, 1))).status())
			.as("clinician-rated").isEqualTo(403);
		assertThat(api.post(token, "/api/v1/patients/" + newPatient(api) + "/assessments",
				Map.of("instrument", "GAD7", "answers", List.of(1, 1, 1, 1, 1, 1, 1))).status())
			.as("someone else's record").isEqualTo(404);
		assertThat(api.post(api.token("frontdesk"), "/api/v1/patients/" + patient1 + "/assessments",
				Map.of("instrument", "GAD7", "answers", List.of(1, 1, 1, 1, 1, 1, 1))).status()).isEqualTo(403);
	}

	@Test
	void staffAssignRecurringSelfReportsAndSeeWhatIsOverdue() {
		ApiClient api = new ApiClient(port);
		String patient = newPatient(api);
		String nurse = api.token("nurse");
		ApiClient.Response assigned = api.post(nurse, "/api/v1/patients/" + patient + "/measure-schedules",
				Map.of("instrument", "PHQ9", "everyDays", 7, "firstDueAt", "2026-01-01T09:00:00Z"));
		assertThat(assigned.status()).isEqualTo(201);
		assertThat(api.post(nurse, "/api/v1/patients/" + patient + "/measure-schedules",
				Map.of("instrument", "MADRS", "everyDays", 7)).status()).as("not a self-report").isEqualTo(400);
		assertThat(api.get(nurse, "/api/v1/measures/overdue").body()).contains(patient);
		api.post(nurse, "/api/v1/patients/" + patient + "/assessments", Map.of("instrument", "PHQ9",
				"answers", List.of(1, 1, 1, 1, 1, 1, 1, 1, 0)));
		assertThat(api.get(nurse, "/api/v1/measures/overdue").body()).as("done: no longer overdue").doesNotContain(patient);
	}
}
