package org.ketamineclinic.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.ketamineclinic.support.ApiClient;

/**
 * The staff chart page renders for the clinic's own patients. It used to fail with a 500 on every
 * patient: the address line built a {@code new String[]}, which Thymeleaf's restricted expressions refuse.
 */
class PatientChartPageTest extends SecurityTest {

	private static final Pattern ADDRESS = Pattern.compile("<dt>Address</dt><dd>([^<]*)</dd>");

	@Test
	void showsTheFullAddress() {
		assertThat(addressShownFor(Map.of("addressLine", "12 Elm Street", "city", "Springfield", "region", "MA",
				"postalCode", "01101"))).isEqualTo("12 Elm Street Springfield MA 01101");
	}

	@Test
	void showsAPartialAddress() {
		assertThat(addressShownFor(Map.of("city", "Springfield"))).isEqualTo("Springfield");
	}

	@Test
	void showsADashWithoutAnAddress() {
		assertThat(addressShownFor(Map.of())).isEqualTo("—");
	}

	private String addressShownFor(Map<String, String> address) {
		Map<String, Object> body = new HashMap<>(SecurityFixtures.demographics("Chart", SecurityFixtures.uniqueFamilyName()));
		body.putAll(address);
		ApiClient.Response created = fixtures.api.post(fixtures.token("nurse"), "/api/v1/patients", body);
		assertThat(created.status()).isEqualTo(201);
		UUID patient = UUID.fromString(created.json().get("id").asString());

		HttpResponse<String> chart = new WebSession(port).signIn("nurse", ApiClient.DEMO_PASSWORD).get("/patients/" + patient);

		assertThat(chart.statusCode()).isEqualTo(200);
		Matcher shown = ADDRESS.matcher(chart.body());
		assertThat(shown.find()).as("an address entry on the chart").isTrue();
		return shown.group(1).strip().replaceAll("\\s+", " ");
	}
}
