package org.ketamineclinic.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.ketamineclinic.support.ApiClient;
import org.ketamineclinic.support.ClinicIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** A PHQ-9 with item 9 answered raises an alert that is mailed, escalated and acknowledged; nothing is lost. */
@ClinicIntegrationTest
class RiskAlertTest {

	static final List<Integer> PHQ9_ITEM9 = List.of(1, 1, 1, 1, 1, 1, 1, 1, 1);
	static final List<Integer> PHQ9_CALM = List.of(0, 0, 1, 0, 0, 0, 0, 0, 0);

	@LocalServerPort
	int port;

	@Autowired
	GreenMail mail;

	@Autowired
	JdbcTemplate jdbc;

	String registerPatient(ApiClient api) {
		return api.post(api.token("nurse"), "/api/v1/patients", Map.of("givenName", "Risa", "familyName",
				"Alertson" + System.nanoTime(), "birthDate", "1990-05-05", "sexAtBirth", "FEMALE")).json().get("id").asString();
	}

	@Test
	void item9RaisesAnAlertThatIsMailedAndMustBeAcknowledgedWithAnAction() throws Exception {
		ApiClient api = new ApiClient(port);
		String patient = registerPatient(api);
		int mailsBefore = mail.getReceivedMessages().length;

		ApiClient.Response recorded = api.post(api.token("nurse"), "/api/v1/patients/" + patient + "/assessments",
				Map.of("instrument", "PHQ9", "answers", PHQ9_ITEM9));
		assertThat(recorded.status()).isEqualTo(201);
		assertThat(recorded.json().get("total").asInt()).isEqualTo(9);
		assertThat(recorded.json().get("severity").asString()).isEqualTo("MILD");
		assertThat(recorded.json().get("flags").get(0).get("code").asString()).isEqualTo("SUICIDE_RISK");

		String physician = api.token("physician");
		JsonNode alert = findAlert(api.get(physician, "/api/v1/alerts").json(), patient);
		assertThat(alert).as("an open alert for the patient").isNotNull();

		await().atMost(Duration.ofSeconds(20)).until(() -> mail.getReceivedMessages().length > mailsBefore);
		MimeMessage sent = mail.getReceivedMessages()[mail.getReceivedMessages().length - 1];
		assertThat(sent.getAllRecipients()[0].toString()).isEqualTo("physician@demo-clinic.example");
		assertThat(String.valueOf(sent.getContent())).contains("/alerts/" + alert.get("id").asString()).doesNotContain("Alertson");

		String alertPath = "/api/v1/alerts/" + alert.get("id").asString() + "/acknowledgements";
		assertThat(api.post(physician, alertPath, Map.of()).status()).as("an action is required").isEqualTo(400);
		assertThat(api.post(api.token("nurse"), alertPath, Map.of("action", "called")).status()).isEqualTo(403);
		ApiClient.Response acknowledged = api.post(physician, alertPath,
				Map.of("action", "Phoned the patient; safety plan reviewed; seen tomorrow"));
		assertThat(acknowledged.status()).isEqualTo(200);
		assertThat(acknowledged.json().get("acknowledgedBy").asString()).isEqualTo("physician");
		assertThat(api.post(physician, alertPath, Map.of("action", "again")).status()).as("acknowledged once").isEqualTo(409);
		assertThat(findAlert(api.get(physician, "/api/v1/alerts").json(), patient)).isNull();
	}

	@Test
	void noAlertWithoutARiskAnswer() {
		ApiClient api = new ApiClient(port);
		String patient = registerPatient(api);
		ApiClient.Response recorded = api.post(api.token("nurse"), "/api/v1/patients/" + patient + "/assessments",
				Map.of("instrument", "PHQ9", "answers", PHQ9_CALM));
		assertThat(recorded.json().get("flags").size()).isZero();
		assertThat(findAlert(api.get(api.token("physician"), "/api/v1/alerts").json(), patient)).isNull();
	}

	@Test
	void theAlertIsStoredEvenWhileMailCannotBeSentAndTheMailIsRetried() {
		ApiClient api = new ApiClient(port);
		String patient = registerPatient(api);
		mail.stop();
		try {
			assertThat(api.post(api.token("nurse"), "/api/v1/patients/" + patient + "/assessments",
					Map.of("instrument", "PHQ9", "answers", PHQ9_ITEM9)).status()).isEqualTo(201);
			assertThat(findAlert(api.get(api.token("physician"), "/api/v1/alerts").json(), patient)).isNotNull();
			await().atMost(Duration.ofSeconds(20)).until(() -> failedAttempts() > 0);
		}
		finally {
			mail.start();
		}
		// Make the failed message due again instead of waiting out its back-off.
		jdbc.update("UPDATE mail_outbox SET next_attempt_at = now() WHERE sent_at IS NULL");
		await().atMost(Duration.ofSeconds(20)).until(() -> failedAttempts() == 0);
	}

	@Test
	void anUnacknowledgedAlertEscalatesToEveryPhysicianAfterTwoHours() {
		ApiClient api = new ApiClient(port);
		String patient = registerPatient(api);
		api.post(api.token("nurse"), "/api/v1/patients/" + patient + "/assessments",
				Map.of("instrument", "PHQ9", "answers", PHQ9_ITEM9));
		JsonNode alert = findAlert(api.get(api.token("physician"), "/api/v1/alerts").json(), patient);
		assertThat(alert.get("escalatedAt").isNull()).isTrue();
		jdbc.update("UPDATE risk_alert SET raised_at = now() - interval '121 minutes' WHERE id = ?::uuid", alert.get("id").asString());
		await().atMost(Duration.ofSeconds(90)).until(() -> jdbc.queryForObject(
				"SELECT escalated_at IS NOT NULL FROM risk_alert WHERE id = ?::uuid", Boolean.class, alert.get("id").asString()));
		assertThat(jdbc.queryForObject("SELECT count(*) FROM mail_outbox WHERE subject LIKE 'ESCALATED%' AND body LIKE ?",
				Integer.class, "%" + alert.get("id").asString() + "%")).isPositive();
	}

	int failedAttempts() {
		return jdbc.queryForObject("SELECT count(*) FROM mail_outbox WHERE sent_at IS NULL AND attempts > 0", Integer.class);
	}

	static JsonNode findAlert(JsonNode alerts, String patient) {
		for (JsonNode alert : alerts) {
			if (alert.get("patientId").asString().equals(patient)) {
				return alert;
			}
		}
		return null;
	}
}
