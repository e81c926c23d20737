package org.ketamineclinic.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ketamineclinic.support.ApiClient;
import org.ketamineclinic.support.ClinicIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** {@code POST /api/v1/dosing/calculate} over real HTTP. */
@ClinicIntegrationTest
class DosingApiTest {

	static final String PATH = "/api/v1/dosing/calculate";

	@LocalServerPort
	int port;

	@Test
	void physicianGetsTheCalculatedNumbers() {
		ApiClient api = new ApiClient(port);
		ApiClient.Response response = api.post(api.token("physician"), PATH, Map.of("route", "IV_KETAMINE",
				"weightKg", 70, "doseMgPerKg", 0.5, "infusionMinutes", 40, "vialConcentrationMgPerMl", 10,
				"bagVolumeMl", 100));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode body = response.json();
		assertThat(body.get("dosingWeightKg").decimalValue()).isEqualByComparingTo("70");
		assertThat(body.get("doseMg").decimalValue()).isEqualByComparingTo("35");
		assertThat(body.get("drawVolumeMl").decimalValue()).isEqualByComparingTo("3.5");
		assertThat(body.get("infusionRateMlPerHour").decimalValue()).isEqualByComparingTo("150");
		assertThat(body.get("doseRateMgPerMinute").decimalValue()).isEqualByComparingTo("0.875");
		assertThat(body.get("warnings").isArray()).isTrue();
		assertThat(body.get("warnings").size()).isZero();
		assertThat(body.get("hardStop").asBoolean()).isFalse();
	}

	@Test
	void nurseSeesTheHardStopAndWarnings() {
		ApiClient api = new ApiClient(port);
		ApiClient.Response response = api.post(api.token("nurse"), PATH, Map.of("route", "IV_KETAMINE",
				"weightKg", 100, "heightCm", 180, "sexAtBirth", "MALE", "dosingWeight", "ADJUSTED", "doseMgPerKg", 1.2,
				"vialConcentrationMgPerMl", 100));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode body = response.json();
		assertThat(body.get("dosingWeightKg").decimalValue()).isEqualByComparingTo("85");
		assertThat(body.get("doseMg").decimalValue()).isEqualByComparingTo("102");
		assertThat(body.get("hardStop").asBoolean()).isTrue();
		assertThat(body.get("warnings").findValuesAsString("code")).contains("IV_DOSE_ABOVE_1_MG_PER_KG",
				"OUTSIDE_STUDIED_RANGE", "VIAL_NEEDS_DILUTION");
		assertThat(body.get("warnings").get(0).get("message").asString()).isNotBlank();
	}

	@Test
	void esketamineDevices() {
		ApiClient api = new ApiClient(port);
		ApiClient.Response response = api.post(api.token("physician"), PATH,
				Map.of("route", "IN_ESKETAMINE", "weightKg", 70, "doseMg", 84));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.json().get("devices").asInt()).isEqualTo(3);
	}

	@Test
	void invalidInputNamesTheField() {
		ApiClient api = new ApiClient(port);
		ApiClient.Response response = api.post(api.token("physician"), PATH,
				Map.of("route", "IV_KETAMINE", "weightKg", 70, "doseMgPerKg", 0.5, "vialConcentrationMgPerMl", 20));
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("vialConcentrationMgPerMl");

		ApiClient.Response weight = api.post(api.token("physician"), PATH,
				Map.of("route", "IV_KETAMINE", "weightKg", 7000, "doseMgPerKg", 0.5));
		assertThat(weight.status()).as(weight.body()).isEqualTo(400);
		assertThat(weight.json().get("errors").findValuesAsString("field")).contains("weightKg");
	}

	@Test
	void frontDeskIsForbidden() {
		ApiClient api = new ApiClient(port);
		ApiClient.Response response = api.post(api.token("frontdesk"), PATH,
				Map.of("route", "IV_KETAMINE", "weightKg", 70, "doseMgPerKg", 0.5));
		assertThat(response.status()).isEqualTo(403);
	}

	@Test
	void theClinicsDosingWeightPolicyAndTheContextWarningsApply() {
		ApiClient api = new ApiClient(port);
		String physician = api.token("physician");
		Map<String, Object> body = new java.util.HashMap<>(Map.of("route", "IV_KETAMINE", "weightKg", 100, "heightCm", 180,
				"sexAtBirth", "MALE", "doseMgPerKg", 0.5, "weightMeasuredAt", java.time.Instant.now().minus(java.time.Duration.ofDays(45))
					.toString(), "protocol", "IV_KETAMINE_6_INFUSIONS"));
		JsonNode actual = api.post(physician, PATH, body).json();
		assertThat(actual.get("dosingWeightKg").decimalValue()).isEqualByComparingTo("100");
		assertThat(actual.get("warnings").findValuesAsString("code")).containsExactly("WEIGHT_OUT_OF_DATE");
		ApiClient.Response changed = api.put(physician, "/api/v1/clinic-policy/dosingWeight",
				Map.of("value", "ADJUSTED", "reason", "Obesity protocol agreed by the medical director"));
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		try {
			JsonNode adjusted = api.post(physician, PATH, body).json();
			assertThat(adjusted.get("dosingWeightKg").decimalValue()).isEqualByComparingTo("85");
			assertThat(adjusted.get("doseMg").decimalValue()).isEqualByComparingTo("42.5");
			body.put("dosingWeight", "ACTUAL");
			assertThat(api.post(physician, PATH, body).json().get("dosingWeightKg").decimalValue()).as("an explicit choice wins")
				.isEqualByComparingTo("100");
		}
		finally {
			assertThat(api.put(physician, "/api/v1/clinic-policy/dosingWeight", Map.of("value", "ACTUAL", "reason", "Back to default"))
				.status()).isEqualTo(200);
		}
		ApiClient.Response esk = api.post(physician, PATH, Map.of("route", "IN_ESKETAMINE", "weightKg", 70, "doseMg", 84, "protocol",
				"ESKETAMINE_TRD_LABEL", "earlierDosesMg", java.util.List.of()));
		assertThat(esk.json().get("warnings").findValuesAsString("code")).containsExactly("ESKETAMINE_84_WITHOUT_56");
		assertThat(api.post(physician, PATH, Map.of("route", "IN_ESKETAMINE", "weightKg", 70, "doseMg", 84, "protocol",
				"IV_KETAMINE_6_INFUSIONS")).status()).isEqualTo(400);
	}
}
