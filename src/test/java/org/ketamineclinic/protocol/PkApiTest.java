package org.ketamineclinic.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ketamineclinic.support.ApiClient;
import org.ketamineclinic.support.ClinicIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/** The "PK" part of api-contract.md over HTTP. */
@ClinicIntegrationTest
class PkApiTest {

	@LocalServerPort
	int port;

	static Map<String, Object> fanta(double doseMg) {
		return Map.of("model", "FANTA_2015", "weightKg", 70, "regimen",
				List.of(Map.of("route", "IV_INFUSION", "doseMg", doseMg, "startMinute", 0, "durationMinutes", 40)),
				"untilMinute", 120, "stepMinutes", 1);
	}

	@Test
	void simulatesALabelledCurve() {
		ApiClient api = new ApiClient(port);
		ApiClient.Response response = api.post(api.token("physician"), "/api/v1/pk/simulate", fanta(35));
		assertThat(response.status()).isEqualTo(200);
		JsonNode json = response.json();
		assertThat(json.get("model").asString()).isEqualTo("FANTA_2015");
		assertThat(json.get("label").asString()).isEqualTo("Fanta et al. 2015, healthy volunteers, venous; model estimate");
		assertThat(json.get("points").size()).isEqualTo(121);
		assertThat(json.get("points").get(40).get("minute").asDouble()).isEqualTo(40);
		assertThat(json.get("tmaxMinute").asDouble()).isEqualTo(40);
		assertThat(json.get("cmaxNgPerMl").asDouble()).isBetween(100.0, 250.0);
		assertThat(json.get("aucNgHourPerMl").asDouble()).isPositive();

		ApiClient.Response nasal = api.post(api.token("nurse"), "/api/v1/pk/simulate",
				Map.of("model", "PEREZ_RUIXO_2021", "weightKg", 80, "ageYears", 65, "ancestry", "ASIAN", "regimen",
						List.of(Map.of("route", "INTRANASAL", "devices", 2, "atMinute", 0)), "untilMinute", 240, "stepMinutes", 5));
		assertThat(nasal.status()).isEqualTo(200);
		assertThat(nasal.json().get("label").asString()).startsWith("Perez-Ruixo et al. 2021");
	}

	@Test
	void rejectsABadDoseNamingTheField() {
		ApiClient api = new ApiClient(port);
		ApiClient.Response response = api.post(api.token("physician"), "/api/v1/pk/simulate", fanta(-10));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("regimen[0].doseMg");
	}

	@Test
	void frontDeskMayNotSimulate() {
		ApiClient api = new ApiClient(port);
		assertThat(api.post(api.token("frontdesk"), "/api/v1/pk/simulate", fanta(35)).status()).isEqualTo(403);
		assertThat(api.post(null, "/api/v1/pk/simulate", fanta(35)).status()).isEqualTo(401);
	}
}
