package org.ketamineclinic.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ketamineclinic.support.ApiClient;
import tools.jackson.databind.JsonNode;

/** Two people editing the same patient: the second, working from a stale copy, gets 409 and loses nothing of the first. */
class PatientStaleVersionTest extends SecurityTest {


	@Test
	void aCorrectionBasedOnAStaleVersionIsRefusedWith409AndChangesNothing() {
		UUID patient = fixtures.registerPatient();
		String path = "/api/v1/patients/" + patient;
		long loaded = fixtures.api.get(fixtures.token("nurse"), path).json().get("version").asLong();

		ApiClient.Response first = fixtures.api.put(fixtures.token("nurse"), path, correction("Firstwriter", "555-0101", loaded));
		assertThat(first.status()).isEqualTo(200);
		assertThat(first.json().get("version").asLong()).isEqualTo(loaded + 1);

		ApiClient.Response second = fixtures.api.put(fixtures.token("frontdesk"), path,
				correction("Secondwriter", "555-0202", loaded));

		assertThat(second.status()).isEqualTo(409);
		assertThat(second.contentType()).startsWith("application/problem+json");
		JsonNode stored = fixtures.api.get(fixtures.token("physician"), path).json();
		assertThat(stored.get("givenName").asString()).isEqualTo("Firstwriter");
		assertThat(stored.get("phone").asString()).isEqualTo("555-0101");
		assertThat(stored.get("version").asLong()).isEqualTo(loaded + 1);
		assertThat(stored.get("changedBy").asString()).isEqualTo("nurse");
	}

	@Test
	void aCorrectionFromTheFutureVersionIsRefusedToo() {
		UUID patient = fixtures.registerPatient();
		String path = "/api/v1/patients/" + patient;

		ApiClient.Response response = fixtures.api.put(fixtures.token("nurse"), path, correction("Guessed", "555-0303", 7));

		assertThat(response.status()).isEqualTo(409);
		JsonNode stored = fixtures.api.get(fixtures.token("nurse"), path).json();
		assertThat(stored.get("givenName").asString()).isEqualTo("Test");
		assertThat(stored.get("version").asLong()).isZero();
	}

	@Test
	void aCorrectionWithoutAVersionIsInvalidInput() {
		UUID patient = fixtures.registerPatient();
		Map<String, Object> body = correction("Noversion", "555-0404", 0);
		body.remove("version");

		ApiClient.Response response = fixtures.api.put(fixtures.token("nurse"), "/api/v1/patients/" + patient, body);

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("errors").valueStream().map(error -> error.get("field").asString())).contains("version");
	}

	@Test
	void voidingWithAStaleVersionIsRefusedAndTheRegistrationStands() {
		UUID patient = fixtures.registerPatient();
		String path = "/api/v1/patients/" + patient;
		assertThat(fixtures.api.put(fixtures.token("nurse"), path, correction("Changed", "555-0505", 0)).status()).isEqualTo(200);

		ApiClient.Response voided = fixtures.api.post(fixtures.token("physician"), path + "/void",
				Map.of("reason", "Duplicate registration", "version", 0));

		assertThat(voided.status()).isEqualTo(409);
		assertThat(fixtures.api.get(fixtures.token("nurse"), path).json().get("voided").asBoolean()).isFalse();
	}

	private static Map<String, Object> correction(String givenName, String phone, long version) {
		Map<String, Object> body = new HashMap<>(SecurityFixtures.demographics(givenName, "Stale"));
		body.put("phone", phone);
		body.put("version", version);
		return body;
	}
}
