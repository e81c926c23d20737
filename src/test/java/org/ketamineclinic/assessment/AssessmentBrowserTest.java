package org.ketamineclinic.assessment;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.ketamineclinic.support.ApiClient;
import org.ketamineclinic.support.BrowserTest;
import org.ketamineclinic.support.ClinicIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * Measurement-based care on a phone: a patient answers a PHQ-9 in the portal (saving half-way),
 * sees crisis resources after a thought-of-self-harm answer, and their physician acknowledges the
 * alert from the staff home; staff read the trend chart and enter a scale in the chart.
 */
@ClinicIntegrationTest
class AssessmentBrowserTest extends BrowserTest {

	private static final Pattern RESULT_URL = Pattern.compile(".*/portal/assessments/results/([0-9a-f-]{36})$");

	@Override
	protected Browser.NewContextOptions contextOptions() {
		return phone();
	}

	private static Browser.NewContextOptions phone() {
		return new Browser.NewContextOptions().setViewportSize(390, 844).setIsMobile(true).setHasTouch(true)
			.setDeviceScaleFactor(2);
	}

	@Test
	void patientReportsThoughtsOfSelfHarmSeesCrisisResourcesAndThePhysicianAcknowledgesTheAlert() {
		signIn("patient1");
		assertThat(page).hasURL(Pattern.compile(".*/portal$"));
		Locator phq9 = page.locator("#questionnaires li[data-instrument='PHQ9'] a");
		assertThat(phq9).isVisible();
		phq9.click();
		assertThat(page.locator("h1")).hasText("Patient Health Questionnaire (PHQ-9)");
		assertThat(page.locator("main")).containsText("Over the last 2 weeks");
		assertThat(page.locator("main")).containsText("No permission required to reproduce");

		// Four answers, then leave.
		for (int item = 1; item <= 4; item++) {
			answer(item, "Several days");
		}
		assertThat(page.locator("[data-answered]")).hasText("4");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save and finish later")).click();
		assertThat(page).hasURL(Pattern.compile(".*/portal/assessments$"));
		assertThat(page.locator(".notice")).containsText("saved");
		assertThat(page.locator("li[data-instrument='PHQ9']")).containsText("Started: 4 of 9 answered");
		assertThat(horizontalOverflow(page)).as("questionnaire list wider than the phone (px)").isLessThanOrEqualTo(1);
		screenshot(page, "assessment-portal-list");

		// Back later: the four answers are there, the rest follows.
		page.locator("li[data-instrument='PHQ9'] a").click();
		assertThat(page.locator("#resumed")).containsText("Welcome back");
		for (int item = 1; item <= 4; item++) {
			assertThat(option(item, "Several days")).isChecked();
		}
		for (int item = 5; item <= 8; item++) {
			answer(item, "Not at all");
		}
		answer(9, "Several days");
		assertThat(page.locator("[data-answered]")).hasText("9");
		assertThat(horizontalOverflow(page)).as("questionnaire wider than the phone (px)").isLessThanOrEqualTo(1);
		assertThat(overflowingCards(page)).isEmpty();
		screenshot(page, "assessment-portal-form");

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit answers")).click();
		assertThat(page).hasURL(RESULT_URL);
		assertThat(page.locator("#crisis")).isVisible();
		assertThat(page.locator("#crisis-resources")).containsText("988");
		assertThat(page.locator("#not-watching"))
			.hasText("Your clinic may not see your answers right away. If you are in danger now, call 911 or 988.");
		assertThat(page.locator("#result-total")).hasText("5");
		assertThat(page.locator("#result-severity")).hasText("mild");
		assertThat(horizontalOverflow(page)).as("result page wider than the phone (px)").isLessThanOrEqualTo(1);
		screenshot(page, "assessment-portal-result");
		Matcher result = RESULT_URL.matcher(page.url());
		assertThat(result.matches()).isTrue();
		String alertId = alertFor(result.group(1));

		Page physician = newPage(phone());
		signIn(physician, "physician", ApiClient.DEMO_PASSWORD);
		Locator onHome = physician.locator("#open-alerts li[data-alert-id='" + alertId + "']");
		assertThat(onHome).isVisible();
		assertThat(onHome).containsText("Suicide risk");
		assertThat(onHome).containsText("Yours");
		screenshot(physician, "assessment-staff-home");
		onHome.getByRole(AriaRole.LINK).click();
		assertThat(physician).hasURL(Pattern.compile(".*/alerts/" + alertId + "$"));
		assertThat(physician.locator("#alert-message")).containsText("PHQ-9 item 9");
		assertThat(physician.locator("#alert-assigned")).hasText("You");
		assertThat(horizontalOverflow(physician)).as("alert page wider than the phone (px)").isLessThanOrEqualTo(1);
		screenshot(physician, "assessment-alert");

		// Blank is not an action: refused next to the field.
		physician.getByLabel("What did you do, or what will happen next?").fill("   ");
		physician.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Acknowledge alert")).click();
		assertThat(physician.locator("#action-error")).containsText("required");
		assertThat(physician.locator("#action")).hasAttribute("aria-invalid", "true");
		screenshot(physician, "assessment-alert-error");

		physician.getByLabel("What did you do, or what will happen next?")
			.fill("Phoned the patient; no plan or intent; safety plan reviewed; seen tomorrow 9:00.");
		physician.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Acknowledge alert")).click();
		assertThat(physician).hasURL(Pattern.compile(".*/$"));
		assertThat(physician.locator(".notice")).containsText("Alert acknowledged");
		assertThat(physician.locator("#alerts-h")).isVisible();
		assertThat(physician.locator("li[data-alert-id='" + alertId + "']")).hasCount(0);

		physician.navigate("/alerts/" + alertId);
		assertThat(physician.locator("#alert-action")).containsText("safety plan reviewed");
		assertThat(physician.locator("#action")).hasCount(0);
	}

	@Test
	void screenerAsksQuestionsThreeToFiveOnlyAfterAYesToQuestionTwo() {
		signIn("patient1");
		page.navigate("/portal/assessments/CSSRS_SCREENER");
		assertThat(page.locator("#item-3")).isHidden();
		assertThat(page.locator("#item-7")).isHidden();
		answer(2, "Yes");
		assertThat(page.locator("#item-3")).isVisible();
		assertThat(page.locator("#item-5")).isVisible();
		answer(2, "No");
		assertThat(page.locator("#item-3")).isHidden();
		answer(1, "No");
		answer(6, "No");
		assertThat(page.locator("[data-answered]")).hasText("3");
		assertThat(page.locator("[data-answered] + span")).hasText("3");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit answers")).click();
		assertThat(page).hasURL(RESULT_URL);
		assertThat(page.locator("main")).containsText("Your answers are saved in your record.");
		assertThat(page.locator("#crisis")).hasCount(0);
	}

	@Test
	void staffReadTheTrendWithSeverityBandsAndEnterAScaleInTheChart() {
		ApiClient api = new ApiClient(port);
		String nurseToken = api.token("nurse");
		String patient = api.post(nurseToken, "/api/v1/patients", Map.of("givenName", "Trina", "familyName",
				"Trendwell" + System.nanoTime(), "birthDate", "1979-08-08", "sexAtBirth", "FEMALE")).json().get("id").asString();
		Instant now = Instant.now();
		List<List<Integer>> phq9 = List.of(List.of(3, 3, 2, 3, 2, 2, 2, 2, 0), List.of(2, 2, 2, 2, 2, 2, 1, 1, 0),
				List.of(1, 2, 1, 1, 1, 1, 1, 0, 0), List.of(1, 1, 0, 1, 0, 1, 0, 0, 0));
		for (int i = 0; i < phq9.size(); i++) {
			ApiClient.Response recorded = api.post(nurseToken, "/api/v1/patients/" + patient + "/assessments", Map.of("instrument",
					"PHQ9", "answers", phq9.get(i), "completedAt", now.minus(Duration.ofDays(28 - 7L * i)).toString()));
			assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
		}
		ApiClient.Response gad = api.post(nurseToken, "/api/v1/patients/" + patient + "/assessments",
				Map.of("instrument", "GAD7", "answers", List.of(2, 2, 1, 2, 1, 1, 2), "completedAt", now.minus(Duration.ofDays(20)).toString()));
		assertThat(gad.status()).isEqualTo(201);
		assertThat(api.post(nurseToken, "/api/v1/patients/" + patient + "/measure-schedules",
				Map.of("instrument", "PHQ9", "everyDays", 7)).status()).isEqualTo(201);

		signIn("nurse");
		page.navigate("/patients/" + patient);
		page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Assessments")).click();
		assertThat(page).hasURL(Pattern.compile(".*/patients/" + patient + "/assessments$"));
		assertThat(page.locator("#assessments tbody tr")).hasCount(5);
		assertThat(page.locator("#responses")).containsText("PHQ-9");
		Locator chart = page.locator("#trend-phq9");
		assertThat(chart).isVisible();
		assertThat(chart).hasAttribute("data-drawn", "true");
		assertThat(chart).hasAttribute("aria-label", Pattern.compile("PHQ-9 totals \\(0 to 27\\): .*\\(moderately severe\\)"));
		assertThat(page.locator("#trend-gad7")).hasAttribute("data-drawn", "true");
		assertThat(page.locator("#schedules")).containsText("every 7 days");
		page.waitForTimeout(500);
		assertThat(horizontalOverflow(page)).as("chart page wider than the phone (px)").isLessThanOrEqualTo(1);
		assertThat(overflowingCards(page)).isEmpty();
		chart.scrollIntoViewIfNeeded();
		screenshot(page, "assessment-chart-phone");

		// Entering a clinician-rated scale: the form arrives with htmx when the scale is chosen.
		page.evaluate("window.__sameDocument = true");
		page.locator("#entry-instrument").selectOption("MOAAS");
		assertThat(page.locator("#entry-form h3")).containsText("MOAA/S");
		assertThat(page.evaluate("window.__sameDocument === true")).isEqualTo(true);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save MOAA/S")).click();
		assertThat(page.locator("#item-1 .field-error")).hasText("Please choose an answer.");
		screenshot(page, "assessment-chart-entry-error");
		page.locator("#item-1").getByText("Responds readily to name spoken in normal tone (alert)").click();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save MOAA/S")).click();
		assertThat(page.locator(".notice")).hasText("Saved MOAA/S: total 5 (alert).");
		assertThat(page.locator("#assessments tbody tr")).hasCount(6);

		Page desk = newPage(new Browser.NewContextOptions().setViewportSize(1280, 900));
		signIn(desk, "nurse", ApiClient.DEMO_PASSWORD);
		desk.navigate("/patients/" + patient + "/assessments");
		assertThat(desk.locator("#trend-phq9")).hasAttribute("data-drawn", "true");
		desk.waitForTimeout(500);
		screenshot(desk, "assessment-chart-desktop");
	}

	private Locator option(int item, String label) {
		return page.locator("#item-" + item).getByLabel(label, new Locator.GetByLabelOptions().setExact(true));
	}

	private void answer(int item, String label) {
		option(item, label).check();
	}

	private String alertFor(String assessmentId) {
		ApiClient api = new ApiClient(port);
		for (JsonNode alert : api.get(api.token("physician"), "/api/v1/alerts").json()) {
			if (alert.get("assessmentId").asString().equals(assessmentId)) {
				return alert.get("id").asString();
			}
		}
		throw new AssertionError("no open alert for assessment " + assessmentId);
	}

	private static int horizontalOverflow(Page page) {
		return ((Number) page.evaluate("document.documentElement.scrollWidth - window.innerWidth")).intValue();
	}
}
