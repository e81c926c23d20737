package org.ketamineclinic.outcomes.internal;

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

/** Patients with scores, an IV course and dosing sessions, made over the API as staff would. */
final class OutcomesFixtures {

	static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

	/** MADRS answers (10 items, item 10 kept low so no risk alert) by total. */
	static final Map<Integer, List<Integer>> MADRS = Map.of(
			34, List.of(4, 4, 4, 4, 4, 4, 3, 3, 2, 2),
			12, List.of(2, 2, 2, 2, 1, 1, 1, 1, 0, 0),
			24, List.of(3, 3, 3, 3, 3, 3, 2, 2, 2, 0),
			25, List.of(3, 3, 3, 3, 3, 3, 3, 2, 2, 0),
			26, List.of(3, 3, 3, 3, 3, 3, 3, 3, 2, 0));

	private static boolean stocked;

	private OutcomesFixtures() {
	}

	static String daysAgo(long days) {
		return NOW.minus(Duration.ofDays(days)).toString();
	}

	static String minutesAgo(long minutes) {
		return NOW.minus(Duration.ofMinutes(minutes)).toString();
	}

	static void madrs(ApiClient api, String patient, int total, long daysAgo) {
		ApiClient.Response recorded = api.post(api.token("physician"), "/api/v1/patients/" + patient + "/assessments",
				Map.of("instrument", "MADRS", "answers", MADRS.get(total), "completedAt", daysAgo(daysAgo)));
		assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
		assertThat(recorded.json().get("total").asInt()).isEqualTo(total);
	}

	/** An approved IV patient with every consent signed and countersigned, ready for a dosing session. */
	static String readyIvPatient(ApiClient api, String prefix) {
		String patient = Courses.approvedPatient(api, prefix, "IV_KETAMINE", "TRD");
		String nurse = api.token("nurse");
		for (JsonNode document : api.get(nurse, "/api/v1/consent-documents?route=IV_KETAMINE").json()) {
			ApiClient.Response signed = api.post(nurse, "/api/v1/patients/" + patient + "/consents",
					Map.of("documentCode", document.get("code").asString(), "version", document.get("version").asInt(),
							"signedAt", minutesAgo(60 * 24), "signerName", "Eva Patient"));
			assertThat(signed.status()).as(signed.body()).isEqualTo(201);
			assertThat(api.post(api.token("physician"), "/api/v1/consents/" + signed.json().get("id").asString() + "/countersign",
					Map.of()).status()).isEqualTo(200);
		}
		synchronized (OutcomesFixtures.class) {
			if (!stocked) {
				ApiClient.Response received = api.post(api.token("physician"), "/api/v1/inventory/receipts",
						Map.of("product", "KETAMINE_10MG_PER_ML_20ML", "lot", "KET-TRAJ", "expiry", LocalDate.now().plusYears(1).toString(),
								"quantity", 40, "supplier", "Wholesaler", "invoice", "INV-KET-TRAJ"));
				assertThat(received.status()).as(received.body()).isEqualTo(201);
				stocked = true;
			}
		}
		return patient;
	}

	/**
	 * An IV session that started {@code minutesAgo} with a dose of {@code doseMg}, ended early so the
	 * next one can be planned; returns the session's API path.
	 */
	static String dosedSession(ApiClient api, String patient, long minutesAgo, int doseMg) {
		String nurse = api.token("nurse");
		ApiClient.Response created = api.post(nurse, "/api/v1/sessions",
				Map.of("patientId", patient, "route", "IV_KETAMINE", "scheduledStart", minutesAgo(minutesAgo)));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String session = "/api/v1/sessions/" + created.json().get("id").asString();
		Map<String, Object> checkIn = new HashMap<>();
		checkIn.put("checkedInAt", minutesAgo(minutesAgo - 1));
		checkIn.put("lastFoodAt", minutesAgo(minutesAgo + 180));
		checkIn.put("lastLiquidAt", minutesAgo(minutesAgo + 60));
		checkIn.put("escortName", "Sam Ride");
		checkIn.put("escortPhone", "555-0100");
		checkIn.put("vitals", Map.of("sbp", 120, "dbp", 80, "hr", 72, "spo2", 98));
		ApiClient.Response checkedIn = api.post(nurse, session + "/check-in", checkIn);
		assertThat(checkedIn.status()).as(checkedIn.body()).isEqualTo(200);
		ApiClient.Response given = api.post(nurse, session + "/administrations",
				Map.of("lot", "KET-TRAJ", "doseMg", doseMg, "startedAt", minutesAgo(minutesAgo - 5), "durationMinutes", 40));
		assertThat(given.status()).as(given.body()).isEqualTo(201);
		return session;
	}

	static void end(ApiClient api, String session) {
		ApiClient.Response aborted = api.post(api.token("nurse"), session + "/abort", Map.of("reason", "Charted late for the test"));
		assertThat(aborted.status()).as(aborted.body()).isEqualTo(200);
	}
}
