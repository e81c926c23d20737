package org.ketamineclinic.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

/**
 * Charts with everything the evaluation rules need (weight, resting blood pressure, a baseline
 * PHQ-9 and two adequate failed trials in this episode), built through the API as a nurse would.
 */
public final class EvaluationCharts {

	private EvaluationCharts() {
	}

	/** Registers the patient and returns its id; {@code extraFindings} are history finding codes charted as PAST. */
	public static String complete(ApiClient api, String familyNamePrefix, String... pastFindings) {
		String nurse = api.token("nurse");
		String id = api.post(nurse, "/api/v1/patients", Map.of("givenName", "Eva", "familyName", familyNamePrefix + System.nanoTime(),
				"birthDate", "1980-02-02", "sexAtBirth", "FEMALE", "weightKg", 70, "heightCm", 168)).json().get("id").asString();
		String chart = "/api/v1/patients/" + id;
		assertThat(api.post(nurse, chart + "/measurements", Map.of("sbp", 128, "dbp", 82)).status()).isEqualTo(201);
		assertThat(api.post(nurse, chart + "/assessments", Map.of("instrument", "PHQ9",
				"answers", List.of(3, 3, 2, 2, 2, 2, 2, 1, 0))).status()).isEqualTo(201);
		assertThat(api.post(nurse, chart + "/antidepressant-trials", trial("Sertraline", "2025-01-06", "2025-03-31")).status())
			.isEqualTo(201);
		assertThat(api.post(nurse, chart + "/antidepressant-trials", trial("Venlafaxine", "2025-05-05", "2025-08-01")).status())
			.isEqualTo(201);
		for (String finding : pastFindings) {
			ApiClient.Response charted = api.post(nurse, chart + "/history-findings", Map.of("finding", finding, "status", "PAST"));
			assertThat(charted.status()).as(charted.body()).isEqualTo(201);
		}
		return id;
	}

	private static Map<String, Object> trial(String drug, String start, String end) {
		return Map.of("drug", drug, "dailyDoseMg", 150, "startDate", start, "endDate", end, "adherent", true, "outcome",
				"NO_RESPONSE", "currentEpisode", true);
	}
}
