package org.ketamineclinic.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.ketamineclinic.support.ApiClient;
import org.ketamineclinic.support.ClinicIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A measure that falls due sends the patient one email with a link to the portal and no health details. */
@ClinicIntegrationTest
class MeasureReminderTest {

	@LocalServerPort
	int port;

	@Autowired
	GreenMail mail;

	@Test
	void aDueMeasureEmailsThePatientOnce() {
		ApiClient api = new ApiClient(port);
		String nurse = api.token("nurse");
		String address = "reminded" + System.nanoTime() + "@example.org";
		String patient = api.post(nurse, "/api/v1/patients", Map.of("givenName", "Remy", "familyName", "Minder",
				"birthDate", "1975-07-07", "sexAtBirth", "MALE", "email", address)).json().get("id").asString();

		api.post(nurse, "/api/v1/patients/" + patient + "/measure-schedules", Map.of("instrument", "GAD7", "everyDays", 14));

		await().atMost(Duration.ofSeconds(30)).until(() -> received(address) == 1);
		MimeMessage reminder = Arrays.stream(mail.getReceivedMessages()).filter(m -> to(m).equals(address)).findFirst().orElseThrow();
		assertThat(body(reminder)).contains("/portal").doesNotContain("GAD").doesNotContain("Minder");
		// The reminder job runs every few seconds in tests: still one email for this due time.
		await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10)).until(() -> received(address) == 1);
	}

	long received(String address) {
		return Arrays.stream(mail.getReceivedMessages()).filter(m -> to(m).equals(address)).count();
	}

	static String to(MimeMessage message) {
		try {
			return message.getAllRecipients()[0].toString();
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	static String body(MimeMessage message) {
		try {
			return String.valueOf(message.getContent());
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}
}
