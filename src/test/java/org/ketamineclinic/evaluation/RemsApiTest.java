package org.ketamineclinic.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ketamineclinic.security.WebSession;
import org.ketamineclinic.support.ApiClient;
import org.ketamineclinic.support.ClinicIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Acceptance item 6: the clinic's REMS certification and each patient's REMS enrollment. */
@ClinicIntegrationTest
class RemsApiTest {

	@LocalServerPort
	int port;

	ApiClient api;
	String nurse;

	String patient() {
		api = new ApiClient(port);
		nurse = api.token("nurse");
		return api.post(nurse, "/api/v1/patients", Map.of("givenName", "Rem", "familyName", "S" + System.nanoTime(),
				"birthDate", "1985-04-04", "sexAtBirth", "FEMALE")).json().get("id").asString();
	}

	@Test
	void theDemoClinicIsACertifiedSetting() {
		api = new ApiClient(port);
		JsonNode setting = api.get(api.token("admin"), "/api/v1/rems/setting").json();
		assertThat(setting.get("certified").asBoolean()).isTrue();
		assertThat(setting.get("settingId").asString()).isNotBlank();
		assertThat(setting.get("authorisedRepresentative").asString()).isNotBlank();
		assertThat(api.get(api.token("physician"), "/api/v1/rems/setting").json().get("certified").asBoolean()).isTrue();

		HttpResponse<String> page = new WebSession(port).signIn("admin", ApiClient.DEMO_PASSWORD).get("/settings/rems");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("This clinic is a certified REMS healthcare setting").contains("Save certification");
		HttpResponse<String> nursePage = new WebSession(port).signIn("nurse", ApiClient.DEMO_PASSWORD).get("/settings/rems");
		assertThat(nursePage.statusCode()).isEqualTo(200);
		assertThat(nursePage.body()).doesNotContain("Save certification");
	}

	@Test
	void onlyAnAdministratorRecordsTheCertification() {
		api = new ApiClient(port);
		String admin = api.token("admin");
		Map<String, String> certification = Map.of("settingId", "DEMO-REMS-000001", "authorisedRepresentative",
				"Dr. Priya Raman", "certifiedOn", "2026-01-05", "settingName", "Demo Ketamine Clinic", "settingAddress",
				"100 Example Way, Suite 200, Springfield, IL 62701", "settingPhone", "+1 555 010 0100");
		assertThat(api.put(api.token("physician"), "/api/v1/rems/setting", certification).status()).isEqualTo(403);
		ApiClient.Response future = api.put(admin, "/api/v1/rems/setting", Map.of("settingId", "X", "authorisedRepresentative",
				"Y", "certifiedOn", LocalDate.now().plusDays(3).toString(), "settingName", "N", "settingAddress", "A", "settingPhone",
				"555 0100"));
		assertThat(future.status()).isEqualTo(400);
		assertThat(future.json().get("errors").findValuesAsString("field")).containsExactly("certifiedOn");
		ApiClient.Response missing = api.put(admin, "/api/v1/rems/setting", Map.of("certifiedOn", "2026-01-05", "settingPhone", "call me"));
		assertThat(missing.status()).isEqualTo(400);
		// The monitoring form prints the setting's name, address and phone, so a certification without them is refused.
		assertThat(missing.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("settingId",
				"authorisedRepresentative", "settingName", "settingAddress", "settingPhone");
		ApiClient.Response saved = api.put(admin, "/api/v1/rems/setting", certification);
		assertThat(saved.status()).as(saved.body()).isEqualTo(200);
		assertThat(saved.json().get("recordedBy").asString()).isEqualTo("admin");
		assertThat(saved.json().get("certifiedOn").asString()).isEqualTo("2026-01-05");
		assertThat(saved.json().get("settingPhone").asString()).isEqualTo("+1 555 010 0100");
		assertThat(saved.json().get("settingAddress").asString()).startsWith("100 Example Way");
	}

	@Test
	void enrollsAPatientOnce() {
		String patient = patient();
		String path = "/api/v1/patients/" + patient + "/rems-enrollment";
		JsonNode before = api.get(nurse, path).json();
		assertThat(before.get("enrolled").asBoolean()).isFalse();

		ApiClient.Response future = api.post(nurse, path, Map.of("enrolledOn", LocalDate.now().plusDays(2).toString()));
		assertThat(future.status()).isEqualTo(400);
		assertThat(future.json().get("errors").get(0).get("field").asString()).isEqualTo("enrolledOn");
		assertThat(api.post(nurse, path, Map.of()).status()).isEqualTo(400);
		assertThat(api.post(api.token("therapist"), path, Map.of("enrolledOn", "2026-11-01")).status()).isEqualTo(403);
		assertThat(api.get(nurse, path).json().get("enrolled").asBoolean()).as("nothing stored").isFalse();

		ApiClient.Response enrolled = api.post(nurse, path, Map.of("enrolledOn", "2026-11-01"));
		assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(201);
		assertThat(enrolled.json().get("enrolledOn").asString()).isEqualTo("2026-11-01");
		assertThat(enrolled.json().get("enrolledBy").asString()).isEqualTo("nurse");
		assertThat(enrolled.json().get("settingCertified").asBoolean()).isTrue();

		ApiClient.Response again = api.post(api.token("physician"), path, Map.of("enrolledOn", "2026-11-02"));
		assertThat(again.status()).isEqualTo(409);
		JsonNode after = api.get(nurse, path).json();
		assertThat(after.get("enrolled").asBoolean()).isTrue();
		assertThat(after.get("enrolledOn").asString()).isEqualTo("2026-11-01");
		assertThat(api.get(api.token("frontdesk"), path).status()).isEqualTo(403);
		assertThat(api.post(nurse, "/api/v1/patients/" + java.util.UUID.randomUUID() + "/rems-enrollment",
				Map.of("enrolledOn", "2026-11-01")).status()).isEqualTo(404);
	}

	@Test
	void theChartShowsTheRemsStatus() {
		String patient = patient();
		WebSession web = new WebSession(port).signIn("nurse", ApiClient.DEMO_PASSWORD);
		assertThat(web.get("/patients/" + patient).body()).contains("id=\"rems-card\"")
			.contains("/patients/" + patient + "/rems-card");
		HttpResponse<String> card = web.get("/patients/" + patient + "/rems-card");
		assertThat(card.statusCode()).isEqualTo(200);
		assertThat(card.body()).contains("Not enrolled").contains("Certified healthcare setting");

		String csrf = web.csrfTokenOf("/patients/" + patient + "/rems-card");
		HttpResponse<String> posted = web.postForm("/patients/" + patient + "/rems-enrollment",
				Map.of("enrolledOn", "2026-10-30", "_csrf", csrf));
		assertThat(posted.statusCode()).isEqualTo(302);
		assertThat(web.get("/patients/" + patient + "/rems-card").body()).contains("Enrolled on 2026-10-30 by nurse");
	}
}
