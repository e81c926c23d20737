package org.ketamineclinic.therapy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ketamineclinic.identity.Accounts;
import org.ketamineclinic.security.WebSession;
import org.ketamineclinic.support.ApiClient;
import org.ketamineclinic.support.ClinicIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** The patient's journal: private by default, shared entry by entry, a withdrawn share hidden again and audited. */
@ClinicIntegrationTest
class JournalPrivacyTest {

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcTemplate jdbc;

	TherapyFixtures fixtures;
	ApiClient api;

	@BeforeEach
	void fixtures() {
		fixtures = new TherapyFixtures(port, accounts, jdbc);
		api = fixtures.api;
	}

	@Test
	void unsharedEntriesNeverReachStaffAndAWithdrawnShareDisappears() {
		TherapyFixtures.PatientAccount account = fixtures.patientWithAccount();
		WebSession portal = new WebSession(port).signIn(account.username(), TherapyFixtures.PASSWORD);
		String csrf = portal.csrfTokenOf("/portal/journal");
		String secret = "Private thought " + UUID.randomUUID();
		String open = "Shared thought " + UUID.randomUUID();

		assertThat(portal.postForm("/portal/journal", Map.of("text", secret, "mood", "3", "_csrf", csrf)).statusCode()).isEqualTo(302);
		assertThat(portal.postForm("/portal/journal", Map.of("text", open, "mood", "7", "shared", "true", "_csrf", csrf)).statusCode())
			.isEqualTo(302);
		HttpResponse<String> refused = portal.postForm("/portal/journal", Map.of("text", "Mood out of range", "mood", "11", "_csrf", csrf));
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("mood must be 0 to 10");
		HttpResponse<String> mine = portal.get("/portal/journal");
		assertThat(mine.body()).contains(secret, open, "Private", "Shared with your care team").doesNotContain("Mood out of range");

		String journal = "/api/v1/patients/" + account.patientId() + "/journal";
		JsonNode shared = api.get(fixtures.token("therapist"), journal).json();
		assertThat(shared.findValuesAsString("text")).containsExactly(open);
		assertThat(shared.get(0).get("mood").asInt()).isEqualTo(7);
		assertThat(api.get(fixtures.token("physician"), journal).json().findValuesAsString("text")).containsExactly(open);
		assertThat(api.get(fixtures.token("nurse"), journal).status()).isEqualTo(403);
		assertThat(api.get(fixtures.token("frontdesk"), journal).status()).isEqualTo(403);
		WebSession therapistWeb = new WebSession(port).signIn("therapist", ApiClient.DEMO_PASSWORD);
		HttpResponse<String> tab = therapistWeb.get("/patients/" + account.patientId() + "/therapy");
		assertThat(tab.statusCode()).isEqualTo(200);
		assertThat(tab.body()).contains(open).doesNotContain(secret);

		// The patient edits the shared entry, then withdraws the share: staff no longer see it, and the withdrawal is audited.
		String entry = shared.get(0).get("id").asString();
		String edited = open + " (edited)";
		assertThat(portal.postForm("/portal/journal/" + entry, Map.of("text", edited, "mood", "8", "_csrf", csrf)).statusCode())
			.isEqualTo(302);
		assertThat(api.get(fixtures.token("therapist"), journal).json().findValuesAsString("text")).containsExactly(edited);
		assertThat(portal.postForm("/portal/journal/" + entry + "/share", Map.of("shared", "false", "_csrf", csrf)).statusCode())
			.isEqualTo(302);
		assertThat(api.get(fixtures.token("therapist"), journal).json().size()).isZero();
		assertThat(therapistWeb.get("/patients/" + account.patientId() + "/therapy").body()).doesNotContain(open).doesNotContain(secret);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_entry WHERE resource_type = 'JournalEntryShareWithdrawn' "
				+ "AND resource_id = ? AND patient_id = ?", Integer.class, entry, account.patientId())).isEqualTo(1);
		assertThat(portal.get("/portal/journal").body()).contains(edited);

		// Another patient cannot touch the entry, nor read staff's view; the owner deletes it.
		TherapyFixtures.PatientAccount stranger = fixtures.patientWithAccount();
		WebSession strangerPortal = new WebSession(port).signIn(stranger.username(), TherapyFixtures.PASSWORD);
		String strangerCsrf = strangerPortal.csrfTokenOf("/portal/journal");
		assertThat(strangerPortal.postForm("/portal/journal/" + entry + "/share", Map.of("shared", "true", "_csrf", strangerCsrf))
			.statusCode()).isEqualTo(404);
		assertThat(api.get(fixtures.token("therapist"), journal).json().size()).isZero();
		assertThat(portal.postForm("/portal/journal/" + entry + "/delete", Map.of("_csrf", csrf)).statusCode()).isEqualTo(302);
		assertThat(portal.get("/portal/journal").body()).doesNotContain(edited).contains(secret);
		assertThat(therapistWeb.get("/portal/journal").statusCode()).as("staff have no portal journal").isEqualTo(403);
	}
}
