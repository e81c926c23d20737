package org.ketamineclinic.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Another clinic's staff cannot see or change this clinic's dosing sessions: to them they do not exist. */
class SessionClinicIsolationTest extends SecurityTest {

	@Test
	void anotherClinicsPhysicianGets404ForEverySessionCallAndAnEmptyBoard() {
		SecurityFixtures.OtherClinic other = fixtures.otherClinicWithPhysician();
		UUID patient = fixtures.registerPatient();
		String chair = "Iso-" + System.nanoTime();
		var created = fixtures.api.post(fixtures.token("nurse"), "/api/v1/sessions", Map.of("patientId", patient.toString(),
				"route", "IM_KETAMINE", "scheduledStart", Instant.now().toString(), "chairId", chair));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String session = "/api/v1/sessions/" + created.json().get("id").asString();
		String token = other.physicianToken();
		String now = Instant.now().toString();

		assertThat(fixtures.api.get(token, session).status()).isEqualTo(404);
		assertThat(fixtures.api.post(token, session + "/check-in", Map.of("escortName", "A", "escortPhone", "1",
				"vitals", Map.of("sbp", 120, "dbp", 80, "hr", 70, "spo2", 98))).status()).isEqualTo(404);
		assertThat(fixtures.api.post(token, session + "/acknowledgements", Map.of("ruleId", "X", "reason", "y")).status()).isEqualTo(404);
		assertThat(fixtures.api.post(token, session + "/administrations", Map.of("lot", "L", "doseMg", 30, "startedAt", now)).status())
			.isEqualTo(404);
		assertThat(fixtures.api.post(token, session + "/vitals", Map.of("takenAt", now, "hr", 70)).status()).isEqualTo(404);
		assertThat(fixtures.api.post(token, session + "/assessments", Map.of("instrument", "MOAAS", "answers", java.util.List.of(5)))
			.status()).isEqualTo(404);
		assertThat(fixtures.api.post(token, session + "/adverse-events", Map.of("type", "NAUSEA_OR_VOMITING", "severity", "MILD",
				"serious", false, "onsetAt", now)).status()).isEqualTo(404);
		assertThat(fixtures.api.post(token, session + "/discharge", Map.of("dischargedAt", now, "escortConfirmed", true)).status())
			.isEqualTo(404);
		assertThat(fixtures.api.post(token, session + "/cancel", Map.of("reason", "not ours")).status()).isEqualTo(404);
		assertThat(fixtures.api.get(token, session + "/rems-form").status()).isEqualTo(404);
		assertThat(fixtures.api.post(token, "/api/v1/sessions", Map.of("patientId", patient.toString(), "route", "IM_KETAMINE",
				"scheduledStart", now)).status()).as("our patient is not theirs").isEqualTo(404);
		for (JsonNode c : fixtures.api.get(token, "/api/v1/board").json().get("chairs")) {
			assertThat(c.get("chairId").asString()).isNotEqualTo(chair);
		}
		assertThat(fixtures.api.get(fixtures.token("nurse"), session).json().get("status").asString()).isEqualTo("PLANNED");
	}
}
