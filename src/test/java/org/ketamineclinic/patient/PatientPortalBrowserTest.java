package org.ketamineclinic.patient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import org.junit.jupiter.api.Test;
import org.ketamineclinic.support.ApiClient;
import org.ketamineclinic.support.BrowserTest;
import org.ketamineclinic.support.ClinicIntegrationTest;

/** A patient sees their own record and nothing else, and the refusals never leak internals. */
@ClinicIntegrationTest
class PatientPortalBrowserTest extends BrowserTest {

	@Test
	void patientLandsOnTheirOwnRecordAndCannotOpenAnotherPatientOrTheStaffList() {
		String ownName = displayNameOf("patient1");
		ApiClient api = new ApiClient(port);
		ApiClient.Response other = api.post(api.token("nurse"), "/api/v1/patients", Map.of("givenName", "Other", "familyName",
				PatientRegistryBrowserTest.uniqueName("Portal"), "birthDate", "1990-01-01", "sexAtBirth", "MALE"));
		assertThat(other.status()).as(other.body()).isEqualTo(201);

		signIn("patient1");
		assertThat(page).hasURL(Pattern.compile(".*/portal$"));
		assertThat(page.locator("#portal-name")).hasText(ownName);
		screenshot(page, "portal");
		assertThat(overflowingCards(page)).as("cards whose content overflows them").isEmpty();

		Response notFound = page.navigate("/patients/" + other.json().get("id").asString());
		assertThat(notFound.status()).isEqualTo(404);
		assertThat(page.locator("h1")).hasText("Not found");
		screenshot(page, "not-found");
		assertThat(page.locator("main")).containsText("does not exist, or you are not allowed to see it");
		assertThat(page.locator("#correlation-id")).hasText(Pattern.compile("\\S{8,}"));
		assertNoInternals(page);

		Response refused = page.navigate("/patients");
		assertThat(refused.status()).isEqualTo(403);
		assertThat(page.locator("h1")).hasText("Not allowed");
		assertThat(page.locator("#correlation-id")).hasText(Pattern.compile("\\S{8,}"));
		assertNoInternals(page);
	}

	private static void assertNoInternals(Page page) {
		assertThat(page.locator("body")).not().containsText(Pattern.compile("Exception|\\bat org\\.|\\bat java\\.|Whitelabel|trace",
				Pattern.CASE_INSENSITIVE));
	}

	/** The account's full name as the administrator sees it, which the portal shows as "given family". */
	private String displayNameOf(String username) {
		Page admin = newPage(new Browser.NewContextOptions());
		signIn(admin, "admin", ApiClient.DEMO_PASSWORD);
		admin.navigate("/admin/users");
		String name = admin.locator("tr[data-username='" + username + "'] td").nth(1).innerText().strip();
		assertThat(name).isNotBlank();
		return name;
	}
}
