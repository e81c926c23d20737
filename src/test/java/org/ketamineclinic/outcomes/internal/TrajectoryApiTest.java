package org.ketamineclinic.outcomes.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ketamineclinic.outcomes.internal.OutcomesFixtures.madrs;
import static org.ketamineclinic.outcomes.internal.OutcomesFixtures.minutesAgo;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.ketamineclinic.assessment.Instrument;
import org.ketamineclinic.identity.ClinicId;
import org.ketamineclinic.identity.Role;
import org.ketamineclinic.identity.RunAs;
import org.ketamineclinic.security.WebSession;
import org.ketamineclinic.support.ApiClient;
import org.ketamineclinic.support.ClinicIntegrationTest;
import org.ketamineclinic.support.EvaluationCharts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Relapse alerts from real assessments and the trajectory of a patient with a course, sessions and scores, over HTTP. */
@ClinicIntegrationTest
class TrajectoryApiTest {

	@LocalServerPort
	int port;

	@Autowired
	RelapseAlertService relapses;

	@Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

	@Autowired
	GreenMail mail;

	List<JsonNode> openRelapseAlertsOf(ApiClient api, String patient) {
		List<JsonNode> found = new ArrayList<>();
		for (JsonNode alert : api.get(api.token("physician"), "/api/v1/relapse-alerts").json()) {
			if (alert.get("patientId").asString().equals(patient)) {
				found.add(alert);
			}
		}
		return found;
	}

	@Test
	void twoMadrsScoresOf22OrMoreAWeekApartAfterAResponseRaiseOneRelapseAlertForThePhysician() throws Exception {
		ApiClient api = new ApiClient(port);
		String patient = EvaluationCharts.complete(api, "Relapse");
		madrs(api, patient, 34, 60);
		madrs(api, patient, 12, 40);
		madrs(api, patient, 24, 20);
		assertThat(openRelapseAlertsOf(api, patient)).as("one high score is no relapse").isEmpty();
		madrs(api, patient, 25, 13);

		List<JsonNode> raised = Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
			.until(() -> openRelapseAlertsOf(api, patient), alerts -> !alerts.isEmpty());
		JsonNode alert = raised.get(0);
		assertThat(raised).hasSize(1);
		assertThat(alert.get("instrument").asString()).isEqualTo("MADRS");
		assertThat(alert.get("firstTotal").asInt()).isEqualTo(24);
		assertThat(alert.get("confirmedTotal").asInt()).isEqualTo(25);
		assertThat(alert.get("message").asString()).contains("MADRS 24 then 25", "no maintenance session planned");
		assertThat(LocalDate.parse(alert.get("suggestedBy").asString())).isAfter(LocalDate.now().minusDays(1))
			.isBefore(LocalDate.now().plusDays(9));

		// The physician is mailed a link and nothing about the patient.
		String link = "/relapse-alerts/" + alert.get("id").asString();
		MimeMessage sent = Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
			.until(() -> mailWith(link), java.util.Objects::nonNull);
		assertThat(sent.getAllRecipients()[0].toString()).isEqualTo("physician@demo-clinic.example");
		assertThat(sent.getSubject()).isEqualTo("A patient may have relapsed");
		assertThat(String.valueOf(sent.getContent())).doesNotContain("Relapse", "MADRS", "Eva", patient);

		// The next rating of the same episode raises nothing new.
		madrs(api, patient, 26, 6);
		UUID patientId = UUID.fromString(patient);
		ClinicId clinic = clinicOf(api);
		assertThat(RunAs.systemActor(clinic, "test", Role.PHYSICIAN, () -> relapses.evaluate(patientId, Instrument.MADRS))).isEmpty();
		assertThat(openRelapseAlertsOf(api, patient)).hasSize(1);

		// The physician's home shows it; the nurse's does not.
		WebSession physician = new WebSession(port).signIn("physician", ApiClient.DEMO_PASSWORD);
		assertThat(physician.get("/").body()).contains("/relapse-alerts/home-fragment");
		assertThat(physician.get("/relapse-alerts/home-fragment").body()).contains("Possible relapse", "Relapse", alert.get("id").asString());
		assertThat(new WebSession(port).signIn("nurse", ApiClient.DEMO_PASSWORD).get("/relapse-alerts/home-fragment").body())
			.doesNotContain("Possible relapse");

		// Only a physician acknowledges, and only with an action; once.
		assertThat(new WebSession(port).signIn("nurse", ApiClient.DEMO_PASSWORD).get(link).body())
			.contains("MADRS 24 then 25", "Only a physician can acknowledge").doesNotContain("Acknowledge alert");
		String ack = "/api/v1/relapse-alerts/" + alert.get("id").asString() + "/acknowledgements";
		assertThat(api.post(api.token("nurse"), ack, Map.of("action", "Called")).status()).isEqualTo(403);
		assertThat(api.post(api.token("therapist"), ack, Map.of("action", "Called")).status()).isEqualTo(403);
		assertThat(api.post(api.token("physician"), ack, Map.of()).status()).isEqualTo(400);
		ApiClient.Response done = api.post(api.token("physician"), ack, Map.of("action", "Maintenance session moved to this week"));
		assertThat(done.status()).as(done.body()).isEqualTo(200);
		assertThat(done.json().get("acknowledgedBy").asString()).isEqualTo("physician");
		assertThat(done.json().get("action").asString()).isEqualTo("Maintenance session moved to this week");
		assertThat(done.json().get("acknowledgedAt").isNull()).isFalse();
		assertThat(api.post(api.token("physician"), ack, Map.of("action", "Again")).status()).isEqualTo(409);
		assertThat(openRelapseAlertsOf(api, patient)).isEmpty();
		assertThat(api.get(api.token("frontdesk"), "/api/v1/relapse-alerts").status()).isEqualTo(403);

		// The trajectory keeps it, acknowledged.
		JsonNode onTrajectory = api.get(api.token("therapist"), "/api/v1/patients/" + patient + "/trajectory").json().get("relapses");
		assertThat(onTrajectory.size()).isEqualTo(1);
		assertThat(onTrajectory.get(0).get("action").asString()).isEqualTo("Maintenance session moved to this week");
	}

	@Test
	void aRelapseDuringACourseNamesTheNextMaintenanceSessionAndTheFirstFreeChairWithinAWeek() {
		ApiClient api = new ApiClient(port);
		String patient = OutcomesFixtures.readyIvPatient(api, "Relapsecourse");
		ApiClient.Response course = api.post(api.token("physician"), "/api/v1/patients/" + patient + "/courses",
				Map.of("protocol", "IV_KETAMINE_6_INFUSIONS", "startDate", LocalDate.now().toString()));
		assertThat(course.status()).as(course.body()).isEqualTo(201);
		String firstMaintenance = null;
		for (JsonNode planned : course.json().get("plannedSessions")) {
			if (firstMaintenance == null && planned.get("phase").asString().equals("MAINTENANCE")) {
				firstMaintenance = planned.get("earliestDate").asString();
			}
		}
		madrs(api, patient, 34, 30);
		madrs(api, patient, 12, 20);
		madrs(api, patient, 24, 12);
		madrs(api, patient, 25, 5);

		JsonNode alert = Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
			.until(() -> openRelapseAlertsOf(api, patient), alerts -> !alerts.isEmpty()).get(0);
		assertThat(alert.get("courseId").asString()).isEqualTo(course.json().get("id").asString());
		assertThat(alert.get("nextPlannedMaintenance").asString()).isEqualTo(firstMaintenance);
		LocalDate today = LocalDate.now(java.time.ZoneId.of("America/New_York"));
		assertThat(LocalDate.parse(alert.get("suggestedBy").asString())).isEqualTo(today.plusDays(7));
		assertThat(alert.get("message").asString()).contains("next planned " + firstMaintenance);

		// The first free infusion chair from tomorrow to the suggested day, as the booking API offers it.
		String expectedSlot = null;
		for (LocalDate day = today.plusDays(1); expectedSlot == null && !day.isAfter(today.plusDays(7)); day = day.plusDays(1)) {
			JsonNode slots = api.get(api.token("frontdesk"), "/api/v1/availability?date=" + day + "&type=IV_INFUSION").json().get("slots");
			if (slots.size() > 0) {
				expectedSlot = slots.get(0).get("start").asString();
			}
		}
		if (expectedSlot == null) {
			assertThat(alert.get("suggestedSlot").isNull()).isTrue();
		}
		else {
			assertThat(alert.get("suggestedSlot").asString()).isEqualTo(expectedSlot);
		}
	}

	@Test
	void aPatientWhoNeverRespondedGetsNoRelapseAlert() {
		ApiClient api = new ApiClient(port);
		String patient = EvaluationCharts.complete(api, "NoResponse");
		madrs(api, patient, 34, 30);
		madrs(api, patient, 24, 20);
		madrs(api, patient, 25, 13);
		UUID patientId = UUID.fromString(patient);
		assertThat(RunAs.systemActor(clinicOf(api), "test", Role.PHYSICIAN, () -> relapses.evaluate(patientId, Instrument.MADRS))).isEmpty();
		assertThat(openRelapseAlertsOf(api, patient)).isEmpty();
	}

	@Test
	void theTrajectoryHasScoresDosesSideEffectsAlertsPhasesAndThresholds() {
		ApiClient api = new ApiClient(port);
		String patient = OutcomesFixtures.readyIvPatient(api, "Trajectory");
		ApiClient.Response course = api.post(api.token("physician"), "/api/v1/patients/" + patient + "/courses",
				Map.of("protocol", "IV_KETAMINE_6_INFUSIONS", "startDate", LocalDate.now().toString()));
		assertThat(course.status()).as(course.body()).isEqualTo(201);
		madrs(api, patient, 34, 4);
		String first = OutcomesFixtures.dosedSession(api, patient, 3 * 24 * 60, 35);
		ApiClient.Response sideEffect = api.post(api.token("nurse"), first + "/adverse-events", Map.of("type", "CHEST_PAIN",
				"severity", "MODERATE", "serious", true, "onsetAt", minutesAgo(3 * 24 * 60 - 20), "action", "ECG, physician called"));
		assertThat(sideEffect.status()).as(sideEffect.body()).isEqualTo(201);
		OutcomesFixtures.end(api, first);
		String second = OutcomesFixtures.dosedSession(api, patient, 24 * 60, 40);
		OutcomesFixtures.end(api, second);
		ApiClient.Response phq = api.post(api.token("nurse"), "/api/v1/patients/" + patient + "/assessments",
				Map.of("instrument", "PHQ9", "answers", List.of(1, 1, 1, 1, 1, 1, 1, 1, 0), "completedAt", minutesAgo(60)));
		assertThat(phq.status()).isEqualTo(201);
		madrs(api, patient, 12, 0);

		ApiClient.Response response = api.get(api.token("therapist"), "/api/v1/patients/" + patient + "/trajectory");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode t = response.json();
		// The evaluation's chart set-up recorded a PHQ-9 of its own, so the PHQ-9 line is only checked for ours.
		List<Integer> madrsTotals = new ArrayList<>();
		List<Integer> phq9Totals = new ArrayList<>();
		for (JsonNode score : t.get("scores")) {
			(score.get("scale").asString().equals("MADRS") ? madrsTotals : phq9Totals).add(score.get("total").asInt());
		}
		assertThat(madrsTotals).as("oldest first").containsExactly(34, 12);
		assertThat(phq9Totals).contains(8);
		JsonNode doses = t.get("doses");
		assertThat(doses.size()).isEqualTo(2);
		assertThat(doses.get(0).get("route").asString()).isEqualTo("IV_KETAMINE");
		assertThat(doses.get(0).get("doseMg").decimalValue()).isEqualByComparingTo("35");
		assertThat(doses.get(1).get("doseMg").decimalValue()).isEqualByComparingTo("40");
		JsonNode events = t.get("events");
		assertThat(events.findValuesAsString("kind")).contains("SIDE_EFFECT", "ALERT");
		assertThat(events.get(0).get("sessionId").asString()).isEqualTo(first.substring(first.lastIndexOf('/') + 1));
		assertThat(events.findValuesAsString("code")).contains("CHEST_PAIN");
		assertThat(events.findValuesAsString("severity")).contains("MODERATE", "EMERGENCY");
		assertThat(t.get("phases").findValuesAsString("phase")).containsExactly("INDUCTION", "MAINTENANCE");
		assertThat(t.get("phases").get(0).get("protocol").asString()).isEqualTo("IV_KETAMINE_6_INFUSIONS");
		assertThat(t.get("phases").get(0).get("from").asString()).isEqualTo(LocalDate.now().toString());
		JsonNode thresholds = t.get("thresholds");
		assertThat(thresholds.get("instrument").asString()).isEqualTo("MADRS");
		assertThat(thresholds.get("baseline").asInt()).as("the last score on or before the first dosing day").isEqualTo(34);
		assertThat(thresholds.get("responseAtOrBelow").asInt()).isEqualTo(17);
		assertThat(thresholds.get("remissionAtOrBelow").asInt()).isEqualTo(10);

		assertThat(api.get(api.token("frontdesk"), "/api/v1/patients/" + patient + "/trajectory").status()).isEqualTo(403);
		String page = "/patients/" + patient + "/trajectory";
		assertThat(new WebSession(port).signIn("therapist", ApiClient.DEMO_PASSWORD).get(page).body())
			.contains("id=\"trajectory-chart\"", "data-trajectory=", "Intravenous racemic ketamine, 35 mg", "CHEST_PAIN (MODERATE)");
		assertThat(new WebSession(port).signIn("frontdesk", ApiClient.DEMO_PASSWORD).get(page).statusCode()).isEqualTo(403);
		assertThat(api.get(api.token("physician"), "/api/v1/patients/" + UUID.randomUUID() + "/trajectory").status()).isEqualTo(404);
	}

	MimeMessage mailWith(String link) throws Exception {
		for (MimeMessage message : mail.getReceivedMessages()) {
			if (String.valueOf(message.getContent()).contains(link)) {
				return message;
			}
		}
		return null;
	}

	ClinicId clinicOf(ApiClient api) {
		return new ClinicId(jdbc.queryForObject("SELECT clinic_id FROM user_account WHERE username = 'physician'", UUID.class));
	}
}
