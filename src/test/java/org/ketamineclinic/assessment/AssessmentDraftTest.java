package org.ketamineclinic.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.ketamineclinic.security.WebSession;
import org.ketamineclinic.support.ApiClient;
import org.ketamineclinic.support.ClinicIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** A patient leaves a questionnaire half-filled, comes back to their answers, and the draft goes once it is sent. */
@ClinicIntegrationTest
class AssessmentDraftTest {

	private static final String FORM = "/portal/assessments/GAD7";
	private static final Pattern RESULT = Pattern.compile("/portal/assessments/results/([0-9a-f-]{36})$");

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void halfFilledQuestionnaireIsSavedResumedAndRemovedWhenSubmitted() {
		WebSession patient = new WebSession(port).signIn("patient1", ApiClient.DEMO_PASSWORD);
		String patientId = jdbc.queryForObject("SELECT patient_id::text FROM user_account WHERE username = 'patient1'",
				String.class);
		jdbc.update("DELETE FROM assessment_draft WHERE patient_id = ?::uuid", patientId);

		String csrf = patient.csrfTokenOf(FORM);
		HttpResponse<String> saved = patient.postForm(FORM,
				Map.of("_csrf", csrf, "intent", "save", "q1", "2", "q2", "1", "q4", "3"));
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
		assertThat(saved.headers().firstValue("Location")).hasValueSatisfying(
				location -> assertThat(location).endsWith("/portal/assessments"));
		assertThat(draftOf(patientId)).isEqualTo("2,1,,3,,,");

		HttpResponse<String> resumed = patient.get(FORM);
		assertThat(resumed.statusCode()).isEqualTo(200);
		assertThat(checked(resumed.body(), "q1-2")).as("item 1 answered 2").isTrue();
		assertThat(checked(resumed.body(), "q2-1")).as("item 2 answered 1").isTrue();
		assertThat(checked(resumed.body(), "q4-3")).as("item 4 answered 3").isTrue();
		assertThat(checked(resumed.body(), "q1-0")).isFalse();
		assertThat(resumed.body()).contains("Welcome back").doesNotContain("id=\"q3-0\" checked");
		assertThat(Pattern.compile("<input[^>]*name=\"q3\"[^>]*checked").matcher(resumed.body()).find())
			.as("item 3 still unanswered").isFalse();
		assertThat(patient.get("/portal/assessments").body()).contains("Started: 3 of 7 answered");

		// Sending it with a gap refuses, names the question, and keeps what was added.
		HttpResponse<String> incomplete = patient.postForm(FORM, Map.of("_csrf", patient.csrfTokenOf(FORM), "intent", "submit",
				"q1", "2", "q2", "1", "q3", "0", "q4", "3", "q5", "1", "q6", "0"));
		assertThat(incomplete.statusCode()).isEqualTo(200);
		assertThat(incomplete.body()).contains("Not sent yet").contains("id=\"q7-error\"").contains("Please choose an answer.");
		assertThat(draftOf(patientId)).isEqualTo("2,1,0,3,1,0,");

		Map<String, String> complete = new HashMap<>(Map.of("_csrf", patient.csrfTokenOf(FORM), "intent", "submit", "q1", "2",
				"q2", "1", "q3", "0", "q4", "3", "q5", "1", "q6", "0", "q7", "2"));
		HttpResponse<String> submitted = patient.postForm(FORM, complete);
		assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(302);
		String location = submitted.headers().firstValue("Location").orElseThrow();
		Matcher result = RESULT.matcher(location);
		assertThat(result.find()).as(location).isTrue();
		assertThat(draftOf(patientId)).as("draft removed once submitted").isNull();
		assertThat(jdbc.queryForObject("SELECT total FROM assessment WHERE id = ?::uuid", Integer.class, result.group(1)))
			.isEqualTo(9);

		HttpResponse<String> shown = patient.get("/portal/assessments/results/" + result.group(1));
		assertThat(shown.statusCode()).isEqualTo(200);
		assertThat(shown.body()).contains("Your score is").contains(">9<").contains("mild").doesNotContain("id=\"crisis\"");

		HttpResponse<String> fresh = patient.get(FORM);
		assertThat(fresh.body()).doesNotContain("Welcome back");
		assertThat(Pattern.compile("<input[^>]*type=\"radio\"[^>]*checked").matcher(fresh.body()).find()).isFalse();
	}

	@Test
	void clinicianScalesAndOtherPeoplesResultsAreNotOpenToPatientsAndStaffDoNotUseThePortal() {
		WebSession patient = new WebSession(port).signIn("patient1", ApiClient.DEMO_PASSWORD);
		assertThat(patient.get("/portal/assessments/MADRS").statusCode()).isEqualTo(404);
		assertThat(patient.get("/portal/assessments/NOPE").statusCode()).isEqualTo(404);

		ApiClient api = new ApiClient(port);
		String other = api.post(api.token("nurse"), "/api/v1/patients", Map.of("givenName", "Dora", "familyName",
				"Draftless" + System.nanoTime(), "birthDate", "1985-03-03", "sexAtBirth", "FEMALE")).json().get("id").asString();
		String theirs = api.post(api.token("nurse"), "/api/v1/patients/" + other + "/assessments",
				Map.of("instrument", "GAD7", "answers", java.util.List.of(0, 0, 0, 0, 0, 0, 1))).json().get("id").asString();
		assertThat(patient.get("/portal/assessments/results/" + theirs).statusCode()).isEqualTo(404);
		assertThat(patient.get("/patients/" + other + "/assessments").statusCode()).isEqualTo(403);

		WebSession nurse = new WebSession(port).signIn("nurse", ApiClient.DEMO_PASSWORD);
		assertThat(nurse.get(FORM).statusCode()).isEqualTo(403);
		assertThat(nurse.get("/patients/" + other + "/assessments").statusCode()).isEqualTo(200);
	}

	private String draftOf(String patientId) {
		return jdbc.query("SELECT answers FROM assessment_draft WHERE patient_id = ?::uuid AND instrument = 'GAD7'",
				(row, n) -> row.getString(1), patientId).stream().findFirst().orElse(null);
	}

	private static boolean checked(String html, String id) {
		return Pattern.compile("<input[^>]*id=\"" + Pattern.quote(id) + "\"[^>]*checked").matcher(html).find();
	}
}
