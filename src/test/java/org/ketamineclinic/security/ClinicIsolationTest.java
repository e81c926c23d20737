package org.ketamineclinic.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ketamineclinic.support.ApiClient;
import tools.jackson.databind.JsonNode;

/** Staff of another clinic cannot see, find or change this clinic's patients: to them they do not exist. */
class ClinicIsolationTest extends SecurityTest {

	SecurityFixtures.OtherClinic other;

	@BeforeEach
	void otherClinic() {
		other = fixtures.otherClinicWithPhysician();
	}

	@Test
	void anotherClinicsPhysicianGets404ForEveryReadAndWriteOfThisClinicsPatient() {
		UUID patient = fixtures.registerPatient();
		String path = "/api/v1/patients/" + patient;
		Map<String, Object> correction = new HashMap<>(SecurityFixtures.demographics("Renamed", "Byotherclinic"));
		correction.put("version", 0);

		assertThat(fixtures.api.get(other.physicianToken(), path).status()).isEqualTo(404);
		assertThat(fixtures.api.get(other.physicianToken(), path + "/chart").status()).isEqualTo(404);
		assertThat(fixtures.api.get(other.physicianToken(), path + "/measurements").status()).isEqualTo(404);
		assertThat(fixtures.api.get(other.physicianToken(), path + "/trajectory").status()).isEqualTo(404);
		assertThat(fixtures.api.put(other.physicianToken(), path, correction).status()).isEqualTo(404);
		assertThat(fixtures.api.post(other.physicianToken(), path + "/measurements", Map.of("weightKg", 90)).status())
			.isEqualTo(404);
		assertThat(fixtures.api.post(other.physicianToken(), path + "/conditions", Map.of("code", "F33.2", "system", "ICD10"))
			.status()).isEqualTo(404);
		assertThat(fixtures.api.post(other.physicianToken(), path + "/void", Map.of("reason", "not ours", "version", 0))
			.status()).isEqualTo(404);

		ApiClient.Response ours = fixtures.api.get(fixtures.token("physician"), path + "/chart");
		assertThat(ours.status()).isEqualTo(200);
		JsonNode chart = ours.json();
		assertThat(chart.get("patient").get("familyName").asString()).startsWith("Zz");
		assertThat(chart.get("patient").get("version").asLong()).isZero();
		assertThat(chart.get("patient").get("voided").asBoolean()).isFalse();
		assertThat(chart.get("measurements").size()).isZero();
		assertThat(chart.get("conditions").size()).isZero();
	}

	@Test
	void anotherClinicsPhysicianGets404OnTheWebPagesOfThisClinicsPatient() {
		String familyName = SecurityFixtures.uniqueFamilyName();
		UUID patient = fixtures.registerPatient(familyName);
		WebSession browser = new WebSession(port).signIn(other.physician(), SecurityFixtures.PASSWORD);

		HttpResponse<String> chart = browser.get("/patients/" + patient);
		HttpResponse<String> edit = browser.get("/patients/" + patient + "/edit");
		HttpResponse<String> list = browser.get("/patients?query=" + familyName);

		assertThat(chart.statusCode()).isEqualTo(404);
		assertThat(chart.body()).doesNotContain(familyName);
		assertThat(edit.statusCode()).isEqualTo(404);
		HttpResponse<String> trajectory = browser.get("/patients/" + patient + "/trajectory");
		assertThat(trajectory.statusCode()).isEqualTo(404);
		assertThat(trajectory.body()).doesNotContain(familyName);
		assertThat(edit.body()).doesNotContain(familyName);
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).doesNotContain(patient.toString());
		WebSession ours = new WebSession(port).signIn("physician", ApiClient.DEMO_PASSWORD);
		assertThat(ours.get("/patients?query=" + familyName).body()).contains(patient.toString());
		assertThat(ours.get("/patients/" + patient).body()).contains(familyName);
	}

	@Test
	void the404ForAnotherClinicsPatientLooksExactlyLikeTheOneForAnIdThatDoesNotExist() {
		UUID patient = fixtures.registerPatient();

		ApiClient.Response existing = fixtures.api.get(other.physicianToken(), "/api/v1/patients/" + patient);
		ApiClient.Response missing = fixtures.api.get(other.physicianToken(), "/api/v1/patients/" + UUID.randomUUID());

		assertThat(existing.status()).isEqualTo(missing.status()).isEqualTo(404);
		assertThat(existing.json().get("title").asString()).isEqualTo(missing.json().get("title").asString());
		assertThat(existing.body()).doesNotContain("Zz");
	}

	@Test
	void searchOfEachClinicFindsOnlyItsOwnPatients() {
		String sharedName = SecurityFixtures.uniqueFamilyName();
		UUID ours = fixtures.registerPatient(sharedName);
		ApiClient.Response theirsCreated = fixtures.api.post(other.physicianToken(), "/api/v1/patients",
				SecurityFixtures.demographics("Other", sharedName));
		assertThat(theirsCreated.status()).isEqualTo(201);
		String theirs = theirsCreated.json().get("id").asString();

		assertThat(idsFound(fixtures.token("physician"), sharedName)).containsExactly(ours.toString());
		assertThat(idsFound(other.physicianToken(), sharedName)).containsExactly(theirs);
	}

	@Test
	void searchByMrnOrBirthDateDoesNotCrossClinicsEither() {
		UUID patient = fixtures.registerPatient();
		String mrn = fixtures.api.get(fixtures.token("nurse"), "/api/v1/patients/" + patient).json().get("mrn").asString();

		assertThat(idsFound(fixtures.token("nurse"), mrn)).contains(patient.toString());
		assertThat(idsFound(other.physicianToken(), mrn)).doesNotContain(patient.toString());
		assertThat(idsFound(other.physicianToken(), "1979-05-14")).doesNotContain(patient.toString());
	}

	private List<String> idsFound(String token, String query) {
		ApiClient.Response response = fixtures.api.get(token, "/api/v1/patients?query=" + query);
		assertThat(response.status()).isEqualTo(200);
		return response.json().valueStream().map(hit -> hit.get("id").asString()).toList();
	}
}
