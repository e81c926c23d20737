package org.ketamineclinic.outcomes.research;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ketamineclinic.outcomes.cohort.OutcomesApiTest;
import org.ketamineclinic.support.ApiClient;
import org.ketamineclinic.support.ClinicIntegrationTest;
import org.ketamineclinic.support.Courses;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@ClinicIntegrationTest
class ResearchExportTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JsonMapper json;

	@Test
	void noIdentifierOfAFullyChartedPatientReachesTheExportAndIntervalsSurvive() {
		ApiClient api = new ApiClient(port);
		String nurse = api.token("nurse");
		String family = "Quillfeather" + System.nanoTime();
		ApiClient.Response registered = api.post(nurse, "/api/v1/patients", Map.ofEntries(Map.entry("givenName", "Thaddeus"),
				Map.entry("familyName", family), Map.entry("birthDate", "1931-05-17"), Map.entry("sexAtBirth", "MALE"),
				Map.entry("genderIdentity", "Quillgender"), Map.entry("phone", "+1 617 555 0142"), Map.entry("email", "thaddeus.q@example.org"),
				Map.entry("addressLine", "42 Wisteria Lane"), Map.entry("city", "Marblehead"), Map.entry("region", "MA"),
				Map.entry("postalCode", "01945"), Map.entry("preferredLanguage", "Welsh"),
				Map.entry("emergencyContactName", "Philippa Quillfeather"), Map.entry("emergencyContactPhone", "+1 617 555 0199"),
				Map.entry("emergencyContactRelationship", "Daughter"), Map.entry("escortName", "Barnaby Rudge"),
				Map.entry("escortPhone", "+1 617 555 0177"), Map.entry("weightKg", 70), Map.entry("heightCm", 172)));
		assertThat(registered.status()).as(registered.body()).isEqualTo(201);
		String patient = registered.json().get("id").asString();
		String chart = "/api/v1/patients/" + patient;
		assertThat(api.post(nurse, chart + "/measurements", Map.of("sbp", 128, "dbp", 82)).status()).isEqualTo(201);
		assertThat(api.post(nurse, chart + "/assessments", Map.of("instrument", "PHQ9", "answers", List.of(3, 3, 2, 2, 2, 2, 2, 1, 0)))
			.status()).isEqualTo(201);
		for (String[] trial : new String[][] { { "Sertraline", "2025-01-06", "2025-03-31" }, { "Venlafaxine", "2025-05-05", "2025-08-01" } }) {
			assertThat(api.post(nurse, chart + "/antidepressant-trials", Map.of("drug", trial[0], "dailyDoseMg", 150, "startDate",
					trial[1], "endDate", trial[2], "adherent", true, "outcome", "NO_RESPONSE", "currentEpisode", true)).status())
				.isEqualTo(201);
		}
		Courses.approve(api, patient, "IV_KETAMINE", "TRD");
		LocalDate start = LocalDate.now(ZoneOffset.UTC).minusDays(150);
		OutcomesApiTest.treatedPatient(api, patient, start, List.of(1, 1, 1, 1, 1, 1, 1, 1, 0, 0), jdbc, events, transactions);

		ApiClient.Response export = api.get(api.token("admin"), "/api/v1/outcomes/research-export", "application/x-ndjson");
		assertThat(export.status()).as(export.body()).isEqualTo(200);
		assertThat(export.contentType()).startsWith("application/x-ndjson");

		List<String> identifiers = new ArrayList<>();
		JsonNode view = api.get(api.token("physician"), chart).json();
		view.properties().forEach(e -> {
			if (e.getValue().isString() && e.getValue().asString().length() >= 3 && !e.getKey().equals("sexAtBirth")) {
				identifiers.add(e.getValue().asString());
			}
		});
		identifiers.addAll(List.of(patient, family, "Thaddeus", "1931-05-17", "617 555", "thaddeus.q@example.org",
				"Wisteria", "Marblehead", "01945", "Welsh", "Philippa", "Barnaby", view.get("mrn").asString(), "LOT-OUT-1"));
		identifiers.addAll(jdbc.queryForList("SELECT CAST(course_id AS VARCHAR) FROM outcomes_cohort_course WHERE patient_id = CAST(? AS UUID)",
				String.class, patient));
		assertThat(identifiers).contains(view.get("mrn").asString());
		for (String identifier : identifiers) {
			assertThat(export.body()).as("export contains %s", identifier).doesNotContainIgnoringCase(identifier);
		}

		// The patient's line: 90+ at the course start, six sessions and the two MADRS ratings, shifted together.
		JsonNode line = export.body().lines().map(json::readTree)
			.filter(n -> n.get("ageAtCourseStart").isString() && n.get("ageAtCourseStart").asString().equals("90+")
					&& n.get("sessions").size() == 6 && madrsTotals(n).equals(List.of(34, 8)))
			.findFirst()
			.orElseThrow();
		LocalDate shiftedStart = LocalDate.parse(line.get("courseStart").asString());
		assertThat(shiftedStart).isNotEqualTo(start);
		List<Long> sessionDays = new ArrayList<>();
		line.get("sessions").forEach(s -> sessionDays.add(ChronoUnit.DAYS.between(shiftedStart, LocalDate.parse(s.get("date").asString()))));
		assertThat(sessionDays).containsExactly(0L, 2L, 4L, 7L, 9L, 11L);
		List<Long> ratingDays = new ArrayList<>();
		line.get("ratings").forEach(r -> {
			if (r.get("instrument").asString().equals("MADRS")) {
				ratingDays.add(ChronoUnit.DAYS.between(shiftedStart, LocalDate.parse(r.get("date").asString())));
			}
		});
		assertThat(ratingDays).containsExactly(0L, 11L);
		assertThat(line.get("patient").asString()).startsWith("P-");

		for (String user : List.of("physician", "nurse", "frontdesk", "patient1")) {
			assertThat(api.get(api.token(user), "/api/v1/outcomes/research-export", "application/x-ndjson").status()).as(user)
				.isEqualTo(403);
		}
	}

	static List<Integer> madrsTotals(JsonNode line) {
		List<Integer> totals = new ArrayList<>();
		line.get("ratings").forEach(r -> {
			if (r.get("instrument").asString().equals("MADRS")) {
				totals.add(r.get("total").asInt());
			}
		});
		return totals;
	}
}
