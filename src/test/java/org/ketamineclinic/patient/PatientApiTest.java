package org.ketamineclinic.patient;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.ketamineclinic.support.ApiClient;
import org.ketamineclinic.support.ClinicIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@ClinicIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class PatientApiTest {

	@LocalServerPort
	int port;

	@Test
	void registersAPatientWithAnMrnAndComputesBodyMeasures() {
		ApiClient api = new ApiClient(port);
		String token = api.token("nurse");
		ApiClient.Response created = api.post(token, "/api/v1/patients", Map.of("givenName", "Ada", "familyName", "Lovelace",
				"birthDate", "1980-04-02", "sexAtBirth", "FEMALE", "heightCm", 165, "weightKg", 70));
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().get("mrn").asString()).matches("K\\d{6}");
		assertThat(created.json().get("bmi").decimalValue()).isEqualByComparingTo("25.7");
		assertThat(created.json().get("idealBodyWeightKg").decimalValue()).isEqualByComparingTo("56.9");
		assertThat(created.json().get("adjustedBodyWeightKg").decimalValue()).isEqualByComparingTo("62.1");
	}

	@Test
	void patientDataNeverReachesTheLog(CapturedOutput output) {
		ApiClient api = new ApiClient(port);
		String token = api.token("frontdesk");
		String family = "Quixotelogcheck";
		ApiClient.Response created = api.post(token, "/api/v1/patients", Map.of("givenName", "Zebulon", "familyName", family,
				"birthDate", "1971-03-09", "sexAtBirth", "MALE", "email", "zebulon@example.org"));
		assertThat(created.status()).isEqualTo(201);
		assertThat(api.get(token, "/api/v1/patients?query=" + family).json().size()).isEqualTo(1);
		api.post(token, "/api/v1/patients", Map.of("givenName", "Zebulon", "familyName", family, "birthDate", "2999-01-01",
				"sexAtBirth", "MALE"));
		assertThat(output.getAll()).doesNotContain(family).doesNotContain("Zebulon").doesNotContain("zebulon@example.org")
			.doesNotContain("1971-03-09");
	}
}
