package org.ketamineclinic.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ketamineclinic.security.WebSession;
import org.ketamineclinic.support.ApiClient;
import org.ketamineclinic.support.ClinicIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The patient reads and signs in the portal; staff see the status on the chart and countersign. */
@ClinicIntegrationTest
class ConsentPagesTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void patientSignsInThePortalAndANurseCountersignsOnTheChart() {
		String patient = jdbc.queryForObject("SELECT patient_id FROM user_account WHERE username = 'patient2'", UUID.class)
			.toString();
		WebSession portal = new WebSession(port).signIn("patient2", ApiClient.DEMO_PASSWORD);
		HttpResponse<String> card = portal.get("/portal/consents/card");
		assertThat(card.statusCode()).isEqualTo(200);
		assertThat(card.body()).contains("ESKETAMINE_CONSENT").contains("/portal/consents/ESKETAMINE_CONSENT/1");
		assertThat(portal.get("/portal").body()).contains("/portal/consents/card");

		String page = "/portal/consents/ESKETAMINE_CONSENT/1";
		HttpResponse<String> sign = portal.get(page);
		assertThat(sign.statusCode()).isEqualTo(200);
		assertThat(sign.body()).contains("REMS").contains("I have read and agree").contains("name=\"signerName\"");
		String csrf = portal.csrfTokenOf(page);
		HttpResponse<String> unticked = portal.postForm(page, Map.of("signerName", "Pat Two", "_csrf", csrf));
		assertThat(unticked.statusCode()).isEqualTo(200);
		assertThat(unticked.body()).contains("Not signed yet");
		HttpResponse<String> signed = portal.postForm(page, Map.of("signerName", "Pat Two", "agree", "yes", "_csrf", csrf));
		assertThat(signed.statusCode()).isEqualTo(302);
		assertThat(portal.get("/portal/consents").body()).contains("waiting for your care team");
		assertThat(portal.get("/patients/" + patient + "/consents/card").statusCode()).isEqualTo(403);

		WebSession nurse = new WebSession(port).signIn("nurse", ApiClient.DEMO_PASSWORD);
		assertThat(nurse.get("/patients/" + patient).body()).contains("/patients/" + patient + "/consents/card");
		HttpResponse<String> chartCard = nurse.get("/patients/" + patient + "/consents/card");
		assertThat(chartCard.statusCode()).isEqualTo(200);
		assertThat(chartCard.body()).contains("Pat Two").contains("Awaiting countersignature").contains("Countersign");
		String signature = jdbc.queryForObject("""
				SELECT id::text FROM consent_signature WHERE patient_id = ? AND signer_name = 'Pat Two'
				ORDER BY recorded_at DESC LIMIT 1""", String.class, UUID.fromString(patient));
		String token = nurse.csrfTokenOf("/patients/" + patient);
		HttpResponse<String> countersigned = nurse.postForm("/consents/" + signature + "/countersign", Map.of("_csrf", token));
		assertThat(countersigned.statusCode()).isEqualTo(302);
		assertThat(nurse.get("/patients/" + patient + "/consents/card").body()).contains("Complete");
		HttpResponse<String> pdf = nurse.get("/consents/" + signature + "/pdf");
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
		assertThat(portal.get("/consents/" + signature + "/pdf").statusCode()).isEqualTo(200);
	}
}
