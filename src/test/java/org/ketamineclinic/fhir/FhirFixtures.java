package org.ketamineclinic.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ketamineclinic.support.ApiClient;
import org.ketamineclinic.support.Courses;
import tools.jackson.databind.JsonNode;

/**
 * A patient with something of every kind the FHIR API serves, charted through the JSON API as the
 * care team would: registration with weight and height, a resting blood pressure, PHQ-9 and GAD-7,
 * a diagnosis, and a completed esketamine session with check-in vitals, two devices, monitoring
 * vitals, a sedation score and a side effect. Extend it when a new resource type is served, so the
 * conformance test has data of that type to validate.
 */
final class FhirFixtures {

	/** The rich patient and the ids of what was charted for it. */
	record RichPatient(String patientId, String sessionId, String phq9Id, String gad7Id, String conditionId) {
	}

	private FhirFixtures() {
	}

	static RichPatient richPatient(ApiClient api, String familyNamePrefix) {
		String nurse = api.token("nurse");
		String physician = api.token("physician");
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		// Registration (weight 70 kg, height 168 cm), resting blood pressure, a PHQ-9, and an approved esketamine evaluation.
		String patient = Courses.approvedPatient(api, familyNamePrefix, "IN_ESKETAMINE", "TRD");
		String chart = "/api/v1/patients/" + patient;
		FhirSessionFixtures.consent(api, patient, "IN_ESKETAMINE", now);
		ApiClient.Response enrolled = api.post(nurse, chart + "/rems-enrollment",
				Map.of("enrolledOn", LocalDate.now().minusDays(1).toString()));
		assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(201);

		ApiClient.Response gad7 = api.post(nurse, chart + "/assessments", Map.of("instrument", "GAD7",
				"answers", List.of(2, 2, 1, 1, 0, 1, 2)));
		assertThat(gad7.status()).as(gad7.body()).isEqualTo(201);
		ApiClient.Response condition = api.post(physician, chart + "/conditions", Map.of("code", "F33.2", "system", "ICD10",
				"display", "Major depressive disorder, recurrent severe without psychotic features", "onsetDate", "2019-04-01"));
		assertThat(condition.status()).as(condition.body()).isEqualTo(201);
		String phq9 = null;
		for (JsonNode assessment : api.get(nurse, chart + "/assessments").json()) {
			if (assessment.get("instrument").asString().equals("PHQ9")) {
				phq9 = assessment.get("id").asString();
			}
		}
		assertThat(phq9).as("the evaluation chart's PHQ-9").isNotNull();

		String lot = "FHIR-ESK-" + System.nanoTime();
		ApiClient.Response received = api.post(physician, "/api/v1/inventory/receipts", Map.of("product", "ESKETAMINE_28MG_DEVICE",
				"lot", lot, "expiry", LocalDate.now().plusYears(1).toString(), "quantity", 10, "supplier", "Wholesaler",
				"invoice", "INV-" + lot));
		assertThat(received.status()).as(received.body()).isEqualTo(201);

		ApiClient.Response created = api.post(nurse, "/api/v1/sessions", Map.of("patientId", patient, "route", "IN_ESKETAMINE",
				"plannedDoseMg", 56, "scheduledStart", ago(now, 200), "chairId", "Chair-F"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String sessionId = created.json().get("id").asString();
		String session = "/api/v1/sessions/" + sessionId;
		Map<String, Object> checkIn = new HashMap<>();
		checkIn.put("checkedInAt", ago(now, 190));
		checkIn.put("lastFoodAt", ago(now, 370));
		checkIn.put("lastLiquidAt", ago(now, 250));
		checkIn.put("escortName", "Sam Ride");
		checkIn.put("escortPhone", "555-0100");
		checkIn.put("vitals", Map.of("sbp", 122, "dbp", 78, "hr", 72, "spo2", 98, "rr", 14));
		ApiClient.Response checkedIn = api.post(nurse, session + "/check-in", checkIn);
		assertThat(checkedIn.status()).as(checkedIn.body()).isEqualTo(200);
		for (int device = 1; device <= 2; device++) {
			ApiClient.Response given = api.post(nurse, session + "/administrations", Map.of("lot", lot, "doseMg", 28,
					"startedAt", ago(now, 160 - 5 * device), "deviceNumber", device));
			assertThat(given.status()).as(given.body()).isEqualTo(201);
		}
		ApiClient.Response vitals = api.post(nurse, session + "/vitals", Map.of("takenAt", ago(now, 115), "sbp", 134, "dbp", 86,
				"hr", 81, "spo2", 97, "rr", 16));
		assertThat(vitals.status()).as(vitals.body()).isEqualTo(201);
		ApiClient.Response sideEffect = api.post(nurse, session + "/adverse-events", Map.of("type", "NAUSEA_OR_VOMITING",
				"severity", "MILD", "serious", false, "onsetAt", ago(now, 100), "outcome", "Resolved"));
		assertThat(sideEffect.status()).as(sideEffect.body()).isEqualTo(201);
		assertThat(api.post(nurse, session + "/assessments", Map.of("instrument", "MOAAS", "answers", List.of(5),
				"completedAt", ago(now, 35))).status()).isEqualTo(201);
		assertThat(api.post(nurse, session + "/vitals", Map.of("takenAt", ago(now, 30), "sbp", 124, "dbp", 80, "hr", 70,
				"spo2", 98)).status()).isEqualTo(201);
		long version = api.get(nurse, session).json().get("version").asLong();
		ApiClient.Response discharged = api.post(nurse, session + "/discharge", Map.of("dischargedAt", ago(now, 25),
				"readyToLeaveAt", ago(now, 40), "escortConfirmed", true, "dissociationResolved", true, "version", version));
		assertThat(discharged.status()).as(discharged.body()).isEqualTo(200);
		return new RichPatient(patient, sessionId, phq9, gad7.json().get("id").asString(), condition.json().get("id").asString());
	}

	private static String ago(Instant now, long minutes) {
		return now.minus(Duration.ofMinutes(minutes)).toString();
	}
}
