package org.ketamineclinic.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ketamineclinic.support.ApiClient;
import tools.jackson.databind.JsonNode;

/** Out-of-range and malformed clinical values are rejected with the field named, never clamped and never stored. */
class PatientInputValidationTest extends SecurityTest {


	@ParameterizedTest(name = "{0} = {1} → 400 naming {0}")
	@CsvSource(delimiter = '|', textBlock = """
			weightKg | 24.9
			weightKg | 350.1
			weightKg | 0
			weightKg | -70
			weightKg | 70.25
			heightCm | 99
			heightCm | 250.1
			""")
	void anImplausibleMeasurementIsRejectedAndNotStored(String field, String value) {
		UUID patient = fixtures.registerPatient();

		ApiClient.Response response = postMeasurement(patient, Map.of(field, Double.parseDouble(value)));

		assertInvalid(response, field);
		assertThat(chart(patient).get("measurements").size()).isZero();
	}

	@ParameterizedTest(name = "{0} = {1} is accepted")
	@CsvSource(delimiter = '|', textBlock = """
			weightKg | 25
			weightKg | 350
			heightCm | 100
			heightCm | 250
			""")
	void theLimitsThemselvesAreAccepted(String field, String value) {
		UUID patient = fixtures.registerPatient();

		ApiClient.Response response = postMeasurement(patient, Map.of(field, Double.parseDouble(value)));

		assertThat(response.status()).as(response.body()).isEqualTo(201);
		assertThat(chart(patient).get("measurements").size()).isOne();
	}

	@Test
	void aMeasurementMoreThanFiveMinutesInTheFutureIsRejected() {
		UUID patient = fixtures.registerPatient();
		Instant tenMinutesAhead = Instant.now().plus(10, ChronoUnit.MINUTES);

		ApiClient.Response response = postMeasurement(patient, Map.of("measuredAt", tenMinutesAhead.toString(), "weightKg", 80));

		assertInvalid(response, "measuredAt");
		assertThat(chart(patient).get("measurements").size()).isZero();
	}

	@Test
	void aMeasurementAMinuteAheadIsWithinTheClockTolerance() {
		UUID patient = fixtures.registerPatient();

		ApiClient.Response response = postMeasurement(patient,
				Map.of("measuredAt", Instant.now().plus(1, ChronoUnit.MINUTES).toString(), "weightKg", 80));

		assertThat(response.status()).as(response.body()).isEqualTo(201);
	}

	@Test
	void everyRejectedFieldIsListedAtOnce() {
		UUID patient = fixtures.registerPatient();

		ApiClient.Response response = postMeasurement(patient, Map.of("measuredAt",
				Instant.now().plus(1, ChronoUnit.DAYS).toString(), "weightKg", 351, "heightCm", 99));

		assertThat(fieldsOf(assertInvalid(response, "weightKg"))).contains("measuredAt", "weightKg", "heightCm");
		assertThat(chart(patient).get("measurements").size()).isZero();
	}

	@ParameterizedTest(name = "ICD-10 code \"{0}\" → 400 naming code")
	@CsvSource(textBlock = """
			F3
			33.2
			F33.
			F33.21234
			F33-2
			'DROP TABLE'
			""")
	void aMalformedIcd10CodeIsRejectedAndNotStored(String code) {
		UUID patient = fixtures.registerPatient();

		ApiClient.Response response = fixtures.api.post(fixtures.token("physician"), "/api/v1/patients/" + patient + "/conditions",
				Map.of("code", code, "system", "ICD10"));

		assertInvalid(response, "code");
		assertThat(chart(patient).get("conditions").size()).isZero();
	}

	@Test
	void aWellFormedIcd10CodeIsAccepted() {
		UUID patient = fixtures.registerPatient();

		ApiClient.Response response = fixtures.api.post(fixtures.token("physician"), "/api/v1/patients/" + patient + "/conditions",
				Map.of("code", "f33.2", "system", "ICD10"));

		assertThat(response.status()).as(response.body()).isEqualTo(201);
		assertThat(chart(patient).get("conditions").get(0).get("code").asString()).isEqualTo("F33.2");
	}

	@Test
	void aRegistrationWithAnImplausibleFirstWeightStoresNoPatient() {
		String familyName = SecurityFixtures.uniqueFamilyName();
		Map<String, Object> body = new HashMap<>(SecurityFixtures.demographics("Never", familyName));
		body.put("weightKg", 24.9);
		body.put("heightCm", 99);

		ApiClient.Response response = fixtures.api.post(fixtures.token("nurse"), "/api/v1/patients", body);

		assertThat(fieldsOf(assertInvalid(response, "weightKg"))).contains("heightCm");
		ApiClient.Response search = fixtures.api.get(fixtures.token("nurse"), "/api/v1/patients?query=" + familyName);
		assertThat(search.json().size()).isZero();
		assertThat(jdbc.queryForObject("SELECT count(*) FROM patient WHERE family_name = ?", Long.class, familyName)).isZero();
	}

	private ApiClient.Response postMeasurement(UUID patient, Map<String, Object> body) {
		return fixtures.api.post(fixtures.token("nurse"), "/api/v1/patients/" + patient + "/measurements", body);
	}

	private JsonNode chart(UUID patient) {
		ApiClient.Response chart = fixtures.api.get(fixtures.token("nurse"), "/api/v1/patients/" + patient + "/chart");
		assertThat(chart.status()).isEqualTo(200);
		return chart.json();
	}

	private static JsonNode assertInvalid(ApiClient.Response response, String field) {
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		JsonNode problem = response.json();
		assertThat(problem.get("status").asInt()).isEqualTo(400);
		assertThat(fieldsOf(problem)).contains(field);
		problem.get("errors").valueStream()
			.forEach(error -> assertThat(error.get("message").asString()).as("message of %s", error).isNotBlank());
		return problem;
	}

	private static List<String> fieldsOf(JsonNode problem) {
		return problem.get("errors").valueStream().map(error -> error.get("field").asString()).toList();
	}
}
