package org.ketamineclinic.patient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.ketamineclinic.support.ApiClient;
import org.ketamineclinic.support.BrowserTest;
import org.ketamineclinic.support.ClinicIntegrationTest;

/** A nurse's day with the registry: find, register, read the chart, record a measurement, on a desk and a phone. */
@ClinicIntegrationTest
class PatientRegistryBrowserTest extends BrowserTest {

	private static final Pattern CHART_URL = Pattern.compile(".*/patients/[0-9a-f-]{36}(\\?.*)?$");

	@Test
	void nurseFindsAPatientByLiveSearchAndRegistersANewOneWithBodyMeasures() {
		String existing = uniqueName("Livesearch");
		registerThroughApi(existing, 80, 180);
		signIn("nurse");

		page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
			.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Patients"))
			.click();
		assertThat(page).hasURL(Pattern.compile(".*/patients$"));
		Locator rows = page.locator("#results tbody tr");
		assertThat(rows.first()).isVisible();

		// Typing without submitting: only htmx can narrow the list to the one patient.
		page.locator("#query").pressSequentially(existing.toLowerCase(), new Locator.PressSequentiallyOptions().setDelay(20));
		assertThat(rows).hasCount(1);
		assertThat(rows.first()).containsText(existing + ", Ada");
		assertThat(page).hasURL(Pattern.compile(".*/patients$"));

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Register a patient")).first().click();
		assertThat(page).hasURL(Pattern.compile(".*/patients/new$"));
		String family = uniqueName("Registered");
		fillRegistration(family, "70", "165");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register patient")).click();

		assertThat(page).hasURL(CHART_URL);
		assertThat(page.locator(".patient-banner h1")).hasText(family + ", Grace");
		assertThat(page.locator("#bmi")).hasText("25.7 kg/m²");
		assertThat(page.locator("#ibw")).hasText("56.9 kg");
		assertThat(page.locator("#mrn")).hasText(Pattern.compile("^K\\d{6}$"));
		assertThat(page.locator(".patient-banner")).containsText("1984-06-12");
		assertThat(page.locator("xpath=//dt[.='Address']/following-sibling::dd[1]")).hasText("12 Elm Street Springfield");
		screenshot(page, "chart-desktop");
		assertThat(overflowingCards(page)).as("cards whose content overflows them").isEmpty();
	}

	@Test
	void outOfRangeWeightIsShownNextToTheFieldAndNothingIsRegistered() {
		signIn("nurse");
		page.navigate("/patients/new");
		String family = uniqueName("Rejected");
		fillRegistration(family, "400", "165");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register patient")).click();

		Locator weightField = page.locator(".field").filter(new Locator.FilterOptions().setHas(page.locator("#weightKg")));
		assertThat(weightField.locator(".field-error")).hasText("must be between 25 and 350 kg");
		assertThat(page.locator("#weightKg")).hasAttribute("aria-invalid", "true");
		assertThat(page.locator("#weightKg")).hasAttribute("aria-describedby", "weightKg-error");
		assertThat(page.locator("#weightKg")).hasValue("400");
		assertThat(page.locator("#familyName")).hasValue(family);
		assertThat(page.getByRole(AriaRole.ALERT)).containsText("Nothing was saved");
		screenshot(page, "registration-error");

		page.navigate("/patients");
		assertThat(page.locator("#results tbody tr").first()).isVisible();
		page.locator("#query").fill(family.toLowerCase());
		assertThat(page.locator("#results")).containsText("No patients match.");
		assertThat(page.locator("#results tbody tr")).hasCount(0);
	}

	@Test
	void chartTabsSwapThePanelAndANurseRecordsAMeasurement() {
		String id = registerThroughApi(uniqueName("Tabs"), 70, 165);
		signIn("nurse");
		page.navigate("/patients/" + id);
		assertThat(page.locator("#bmi")).hasText("25.7 kg/m²");
		// A marker on window survives an htmx swap but not a full page load.
		page.evaluate("window.__sameDocument = true");

		Locator summaryTab = page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Summary"));
		Locator historyTab = page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("History"));
		Locator measurementsTab = page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Measurements"));
		assertThat(summaryTab).hasAttribute("aria-selected", "true");

		historyTab.click();
		assertThat(page.locator("#hf-h")).hasText("History findings");
		assertThat(historyTab).hasAttribute("aria-selected", "true");
		assertThat(summaryTab).hasAttribute("aria-selected", "false");
		// htmx restores focus by id, so a keyboard user stays on the tab just chosen.
		assertThat(historyTab).isFocused();
		assertThat(page.locator("#panel")).containsText("Antidepressant trials");
		assertThat(page.locator("#bmi")).hasCount(0);
		assertThat(page).hasURL(Pattern.compile(".*tab=history$"));

		measurementsTab.click();
		Locator measurements = page.locator("#measurements tbody tr");
		assertThat(page.locator("#meas-h")).hasText("Measurements");
		assertThat(measurementsTab).hasAttribute("aria-selected", "true");
		assertThat(historyTab).hasAttribute("aria-selected", "false");
		assertThat(measurements).hasCount(1);
		assertThat(measurements.first()).containsText("25.7");
		assertThat(page).hasURL(Pattern.compile(".*tab=measurements$"));
		assertThat(page.evaluate("window.__sameDocument === true")).isEqualTo(true);

		page.locator("#ms-weight").fill("72.5");
		page.locator("#ms-height").fill("165");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record measurement")).click();
		assertThat(page.locator(".notice")).hasText("Saved.");
		assertThat(page).hasURL(Pattern.compile(".*tab=measurements$"));
		assertThat(measurements).hasCount(2);
		assertThat(page.locator("#measurements")).containsText("72.5");
		assertThat(page.locator("#measurements")).containsText("26.6");
	}

	@Test
	void chartFitsAPhoneScreenWithoutSidewaysScrolling() {
		String id = registerThroughApi(uniqueName("Phone"), 70, 165);
		Page phone = newPage(new Browser.NewContextOptions().setViewportSize(390, 844).setIsMobile(true).setHasTouch(true)
			.setDeviceScaleFactor(2));
		signIn(phone, "nurse", ApiClient.DEMO_PASSWORD);
		for (String tab : new String[] { "summary", "history", "measurements" }) {
			phone.navigate("/patients/" + id + "?tab=" + tab);
			assertThat(phone.locator("#panel")).isVisible();
			assertThat(horizontalOverflow(phone)).as("%s tab: page wider than the screen by (px)", tab).isLessThanOrEqualTo(1);
			assertThat(overflowingCards(phone)).as("%s tab: cards whose content overflows them", tab).isEmpty();
			screenshot(phone, "chart-phone-" + tab);
		}
	}

	private static int horizontalOverflow(Page page) {
		return ((Number) page.evaluate("document.documentElement.scrollWidth - window.innerWidth")).intValue();
	}

	private void fillRegistration(String family, String weightKg, String heightCm) {
		page.locator("#givenName").fill("Grace");
		page.locator("#familyName").fill(family);
		page.locator("#birthDate").fill("1984-06-12");
		page.locator("#sexAtBirth").selectOption("FEMALE");
		page.locator("#weightKg").fill(weightKg);
		page.locator("#heightCm").fill(heightCm);
		page.locator("#addressLine").fill("12 Elm Street");
		page.locator("#city").fill("Springfield");
	}

	private String registerThroughApi(String familyName, int weightKg, int heightCm) {
		ApiClient api = new ApiClient(port);
		ApiClient.Response created = api.post(api.token("nurse"), "/api/v1/patients", Map.of("givenName", "Ada", "familyName",
				familyName, "birthDate", "1979-02-03", "sexAtBirth", "FEMALE", "weightKg", weightKg, "heightCm", heightCm));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	/** Letters only, so the name is a single search word that no seeded patient starts with. */
	static String uniqueName(String stem) {
		StringBuilder name = new StringBuilder("Zq").append(stem.toLowerCase());
		ThreadLocalRandom random = ThreadLocalRandom.current();
		for (int i = 0; i < 6; i++) {
			name.append((char) ('a' + random.nextInt(26)));
		}
		return name.toString();
	}
}
