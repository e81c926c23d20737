package org.ketamineclinic.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ketamineclinic.identity.ClinicId;
import org.ketamineclinic.identity.Role;
import org.ketamineclinic.identity.RunAs;
import org.ketamineclinic.support.ApiClient;
import org.ketamineclinic.support.ClinicIntegrationTest;
import org.ketamineclinic.support.Pdfs;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Consent documents per route, signatures with countersignature and PDF, versions, and the prior-authorisation PDF. */
@ClinicIntegrationTest
class ConsentApiTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Consents consents;

	ApiClient api;
	String nurse;
	String physician;

	void signIn() {
		api = new ApiClient(port);
		nurse = api.token("nurse");
		physician = api.token("physician");
	}

	String newPatient() {
		return api.post(nurse, "/api/v1/patients", Map.of("givenName", "Connie", "familyName", "Sent" + System.nanoTime(),
				"birthDate", "1979-03-04", "sexAtBirth", "FEMALE", "weightKg", 64, "heightCm", 165)).json().get("id").asString();
	}

	static List<String> codes(JsonNode documents) {
		List<String> codes = new ArrayList<>();
		documents.forEach(d -> codes.add(d.get("code").asString()));
		return codes;
	}

	byte[] bytes(String token, String path) {
		return Pdfs.bytes(port, token, path);
	}

	static String text(byte[] pdf) {
		return Pdfs.text(pdf);
	}

	boolean hasCurrentConsent(String patient, Route route) {
		ClinicId clinic = new ClinicId(jdbc.queryForObject("SELECT clinic_id FROM patient WHERE id = ?", UUID.class,
				UUID.fromString(patient)));
		return RunAs.systemActor(clinic, "consent-test", Role.NURSE,
				() -> consents.hasCurrentConsent(UUID.fromString(patient), route));
	}

	@Test
	void documentsAreListedPerRoute() {
		signIn();
		JsonNode iv = api.get(api.token("frontdesk"), "/api/v1/consent-documents?route=IV_KETAMINE").json();
		assertThat(codes(iv)).contains("IV_KETAMINE_CONSENT").doesNotContain("ESKETAMINE_CONSENT", "IM_KETAMINE_CONSENT");
		assertThat(iv.get(0).get("route").asString()).isEqualTo("IV_KETAMINE");
		assertThat(iv.get(0).get("version").asInt()).isGreaterThanOrEqualTo(1);
		assertThat(iv.get(0).get("title").asString()).isNotBlank();
		assertThat(codes(api.get(nurse, "/api/v1/consent-documents?route=IN_ESKETAMINE").json())).containsExactly("ESKETAMINE_CONSENT");
		assertThat(codes(api.get(nurse, "/api/v1/consent-documents").json()))
			.contains("IV_KETAMINE_CONSENT", "IM_KETAMINE_CONSENT", "ESKETAMINE_CONSENT");
		assertThat(api.get(nurse, "/api/v1/consent-documents?route=ORAL").status()).isEqualTo(400);

		JsonNode text = api.get(nurse, "/api/v1/consent-documents/ESKETAMINE_CONSENT/1").json();
		assertThat(text.get("body").asString()).contains("REMS").contains("2 hours");
		assertThat(api.get(nurse, "/api/v1/consent-documents/IV_KETAMINE_CONSENT/1").json().get("body").asString())
			.contains("off-label").contains("not approved");
		assertThat(api.get(nurse, "/api/v1/consent-documents/NO_SUCH_CONSENT/1").status()).isEqualTo(404);
	}

	@Test
	void signCountersignAndDownloadThePdf() {
		signIn();
		String patient = newPatient();
		int version = api.get(nurse, "/api/v1/consent-documents?route=IM_KETAMINE").json().get(0).get("version").asInt();
		ApiClient.Response signed = api.post(api.token("frontdesk"), "/api/v1/patients/" + patient + "/consents",
				Map.of("documentCode", "IM_KETAMINE_CONSENT", "version", version,
						"signedAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), "signerName", "Connie Q. Sent"));
		assertThat(signed.status()).as(signed.body()).isEqualTo(201);
		JsonNode signature = signed.json();
		assertThat(signature.get("recordedBy").asString()).isEqualTo("frontdesk");
		assertThat(signature.get("clientAddress").asString()).isNotBlank();
		assertThat(signature.get("agreed").asBoolean()).isTrue();
		assertThat(signature.get("countersignedBy").isNull()).isTrue();
		assertThat(hasCurrentConsent(patient, Route.IM_KETAMINE)).as("not countersigned yet").isFalse();

		String id = signature.get("id").asString();
		assertThat(api.post(api.token("frontdesk"), "/api/v1/consents/" + id + "/countersign", Map.of()).status()).isEqualTo(403);
		ApiClient.Response countersigned = api.post(physician, "/api/v1/consents/" + id + "/countersign", Map.of());
		assertThat(countersigned.status()).as(countersigned.body()).isEqualTo(200);
		assertThat(countersigned.json().get("countersignedBy").asString()).isEqualTo("physician");
		assertThat(countersigned.json().get("countersignedAt").isNull()).isFalse();
		assertThat(api.post(nurse, "/api/v1/consents/" + id + "/countersign", Map.of()).status()).isEqualTo(409);
		assertThat(hasCurrentConsent(patient, Route.IM_KETAMINE)).isTrue();
		assertThat(hasCurrentConsent(patient, Route.IV_KETAMINE)).as("another route's document").isFalse();

		String pdf = text(bytes(nurse, "/api/v1/consents/" + id + "/pdf"));
		assertThat(pdf).contains("Connie Q. Sent").contains("intramuscular").contains("physician").contains("Countersigned by");
		JsonNode list = api.get(nurse, "/api/v1/patients/" + patient + "/consents").json();
		assertThat(list.size()).isEqualTo(1);
		assertThat(list.get(0).get("documentCode").asString()).isEqualTo("IM_KETAMINE_CONSENT");
	}

	@Test
	void rejectsFutureTimesMissingNamesAndDisagreement() {
		signIn();
		String path = "/api/v1/patients/" + newPatient() + "/consents";
		ApiClient.Response future = api.post(nurse, path, Map.of("documentCode", "ESKETAMINE_CONSENT", "version", 1,
				"signedAt", Instant.now().plus(10, ChronoUnit.MINUTES).toString(), "signerName", "X Y"));
		assertThat(future.status()).isEqualTo(400);
		assertThat(future.body()).contains("signedAt");
		ApiClient.Response noName = api.post(nurse, path, Map.of("documentCode", "ESKETAMINE_CONSENT", "version", 1));
		assertThat(noName.status()).isEqualTo(400);
		assertThat(noName.body()).contains("signerName");
		assertThat(api.post(nurse, path, Map.of("documentCode", "ESKETAMINE_CONSENT", "version", 1, "signerName", "X Y",
				"agreed", false)).status()).isEqualTo(400);
		assertThat(api.post(api.token("therapist"), path, Map.of("documentCode", "ESKETAMINE_CONSENT", "version", 1,
				"signerName", "X Y")).status()).isEqualTo(403);
	}

	@Test
	void aNewVersionNeedsANewSignature() {
		signIn();
		String patient = newPatient();
		String code = "TEST_IV_CONSENT_" + Long.toString(System.nanoTime(), 36).toUpperCase();
		ApiClient.Response v1 = api.post(physician, "/api/v1/consent-documents", Map.of("code", code, "route", "IV_KETAMINE",
				"title", "Test consent", "body", "First wording.\n\n- item one\n- item two"));
		assertThat(v1.status()).as(v1.body()).isEqualTo(201);
		assertThat(v1.json().get("version").asInt()).isEqualTo(1);
		assertThat(api.post(nurse, "/api/v1/consent-documents", Map.of("code", code, "route", "IV_KETAMINE", "title", "x",
				"body", "y")).status()).isEqualTo(403);

		for (String document : List.of("IV_KETAMINE_CONSENT", code)) {
			int version = api.get(nurse, "/api/v1/consent-documents?route=IV_KETAMINE").json().valueStream()
				.filter(d -> d.get("code").asString().equals(document)).findFirst().orElseThrow().get("version").asInt();
			String id = api.post(nurse, "/api/v1/patients/" + patient + "/consents", Map.of("documentCode", document,
					"version", version, "signerName", "Connie Sent")).json().get("id").asString();
			assertThat(api.post(nurse, "/api/v1/consents/" + id + "/countersign", Map.of()).status()).isEqualTo(200);
		}
		assertThat(hasCurrentConsent(patient, Route.IV_KETAMINE)).isTrue();

		ApiClient.Response v2 = api.post(api.token("admin"), "/api/v1/consent-documents", Map.of("code", code,
				"route", "IV_KETAMINE", "title", "Test consent", "body", "Second wording."));
		assertThat(v2.status()).as(v2.body()).isEqualTo(201);
		assertThat(v2.json().get("version").asInt()).isEqualTo(2);
		assertThat(hasCurrentConsent(patient, Route.IV_KETAMINE)).as("version 2 is not signed yet").isFalse();
		assertThat(api.get(nurse, "/api/v1/patients/" + patient + "/consents").json().valueStream()
			.filter(s -> s.get("documentCode").asString().equals(code)).findFirst().orElseThrow()
			.get("currentVersion").asBoolean()).isFalse();

		ApiClient.Response old = api.post(nurse, "/api/v1/patients/" + patient + "/consents",
				Map.of("documentCode", code, "version", 1, "signerName", "Connie Sent"));
		assertThat(old.status()).isEqualTo(409);
		assertThat(old.json().get("detail").asString()).contains("no longer current").contains("version 2");
		assertThat(api.post(physician, "/api/v1/consent-documents", Map.of("code", code, "route", "IM_KETAMINE", "title", "x",
				"body", "y")).status()).as("a document keeps its route").isEqualTo(400);

		String resigned = api.post(nurse, "/api/v1/patients/" + patient + "/consents",
				Map.of("documentCode", code, "version", 2, "signerName", "Connie Sent")).json().get("id").asString();
		assertThat(hasCurrentConsent(patient, Route.IV_KETAMINE)).isFalse();
		api.post(physician, "/api/v1/consents/" + resigned + "/countersign", Map.of());
		assertThat(hasCurrentConsent(patient, Route.IV_KETAMINE)).isTrue();
	}

	@Test
	void aPatientSignsTheirOwnConsentOnly() {
		signIn();
		String own = jdbc.queryForObject("SELECT patient_id FROM user_account WHERE username = 'patient1'", UUID.class).toString();
		String other = newPatient();
		String token = api.token("patient1");
		Map<String, Object> body = Map.of("documentCode", "ESKETAMINE_CONSENT", "version", 1, "signerName", "Myself",
				"agreed", true);
		assertThat(api.post(token, "/api/v1/patients/" + other + "/consents", body).status()).isEqualTo(404);
		ApiClient.Response signed = api.post(token, "/api/v1/patients/" + own + "/consents", body);
		assertThat(signed.status()).as(signed.body()).isEqualTo(201);
		assertThat(signed.json().get("recordedBy").asString()).isEqualTo("patient1");
		String id = signed.json().get("id").asString();
		assertThat(api.post(token, "/api/v1/consents/" + id + "/countersign", Map.of()).status()).isEqualTo(403);
		assertThat(text(bytes(token, "/api/v1/consents/" + id + "/pdf"))).contains("Myself");
		assertThat(api.get(token, "/api/v1/patients/" + other + "/consents").status()).isEqualTo(404);

		String otherSignature = api.post(nurse, "/api/v1/patients/" + other + "/consents", body).json().get("id").asString();
		assertThat(api.get(token, "/api/v1/consents/" + otherSignature + "/pdf").status()).isEqualTo(404);
	}

	@Test
	void priorAuthorisationSummaryIsAReadablePdf() {
		signIn();
		String patient = newPatient();
		String chart = "/api/v1/patients/" + patient;
		assertThat(api.post(physician, chart + "/conditions", Map.of("code", "F33.2", "system", "ICD10",
				"display", "Major depressive disorder, recurrent severe")).status()).isEqualTo(201);
		assertThat(api.post(nurse, chart + "/measurements", Map.of("sbp", 124, "dbp", 80)).status()).isEqualTo(201);
		assertThat(api.post(nurse, chart + "/assessments", Map.of("instrument", "PHQ9",
				"answers", List.of(3, 3, 2, 2, 2, 2, 2, 1, 0))).status()).isEqualTo(201);
		for (String drug : List.of("Escitalopram", "Bupropion")) {
			assertThat(api.post(nurse, chart + "/antidepressant-trials", Map.of("drug", drug, "dailyDoseMg", 20,
					"startDate", drug.equals("Escitalopram") ? "2025-01-06" : "2025-05-05",
					"endDate", drug.equals("Escitalopram") ? "2025-03-31" : "2025-08-01", "adherent", true,
					"outcome", "NO_RESPONSE", "currentEpisode", true)).status()).isEqualTo(201);
		}
		JsonNode evaluation = api.post(nurse, chart + "/evaluations", Map.of("route", "IV_KETAMINE", "indication", "TRD")).json();
		String id = evaluation.get("id").asString();
		ApiClient.Response approved = api.post(physician, "/api/v1/evaluations/" + id + "/sign-off",
				Map.of("decision", "APPROVED", "note", "Two adequate failed trials", "acknowledgements", List.of()));
		assertThat(approved.status()).as(approved.body()).isEqualTo(200);

		String pdf = text(bytes(nurse, "/api/v1/evaluations/" + id + "/prior-authorisation"));
		JsonNode mrn = api.get(nurse, chart).json().get("mrn");
		assertThat(pdf).contains("Escitalopram").contains("Bupropion").contains("F33.2").contains(mrn.asString())
			.contains("1979-03-04").contains(evaluation.get("decision").asString()).contains("APPROVED")
			.contains("PHQ9");
		assertThat(api.get(api.token("frontdesk"), "/api/v1/evaluations/" + id + "/prior-authorisation").status()).isEqualTo(403);
	}
}
