package org.ketamineclinic.protocol;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.ketamineclinic.support.ApiClient;
import org.ketamineclinic.support.BrowserTest;
import org.ketamineclinic.support.ClinicIntegrationTest;
import org.ketamineclinic.support.Courses;

/**
 * A physician starts an IV course from the chart, plans the first dose (pump rate and the
 * predicted concentration curve), signs it, and after three tolerated infusions without response
 * confirms the suggested step up.
 */
@ClinicIntegrationTest
class CourseBrowserTest extends BrowserTest {

	private static final Pattern COURSE_URL = Pattern.compile(".*/courses/([0-9a-f-]{36})$");

	@Test
	void physicianCreatesAnIvCoursePlansTheDoseAndConfirmsASuggestedTitration() {
		ApiClient api = new ApiClient(port);
		String patient = Courses.approvedPatient(api, "CourseUi", "IV_KETAMINE", "TRD");
		Instant now = Instant.now();
		assertThat(api.post(api.token("nurse"), "/api/v1/patients/" + patient + "/assessments", Map.of("instrument", "PHQ9",
				"answers", List.of(3, 3, 2, 2, 2, 2, 3, 2, 1), "completedAt", now.minus(Duration.ofDays(10)).toString())).status())
			.isEqualTo(201);

		signIn("physician");
		page.navigate("/patients/" + patient + "/courses");
		assertThat(page.locator("#courses-h")).isVisible();
		page.getByLabel("Protocol").selectOption("IV_KETAMINE_6_INFUSIONS");
		page.getByLabel("Start date").fill(LocalDate.now().minusDays(8).toString());
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start course")).click();
		assertThat(page).hasURL(COURSE_URL);
		String courseId = COURSE_URL.matcher(page.url()).replaceFirst("$1");
		assertThat(page.locator("#course-phase")).hasText("INDUCTION");
		assertThat(page.locator("#current-dose")).hasText("0.5 mg/kg");
		assertThat(page.locator("#sessions tbody tr")).hasCount(9);
		assertThat(timelineDrawn()).isTrue();

		// Plan session 1: the calculator on the chart's weight (70 kg), 10 mg/mL vial into a 100 mL bag over 40 minutes.
		page.locator("#sessions tr[data-session='1']").getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions()
			.setName("Plan dose")).click();
		page.getByLabel("Vial strength (mg/mL)").selectOption("10");
		page.getByLabel("Bag volume (mL)").fill("100");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Calculate")).click();
		assertThat(page.locator("#dose-mg")).hasText("35.0 mg");
		assertThat(page.locator("#draw-volume")).hasText("3.50 mL");
		assertThat(page.locator("#pump-rate")).hasText("150.0 mL/h");
		assertThat(page.locator("#pk-label")).containsText("Model estimate");
		assertThat(page.locator("#pk-label")).containsText("Fanta et al. 2015");
		assertThat(curvePoints()).isEqualTo(241);
		assertThat(overflowingCards(page)).isEmpty();
		screenshot(page, "course-dose-plan");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign order")).click();
		assertThat(page).hasURL(COURSE_URL);
		assertThat(page.locator(".notice")).containsText("Order for session 1 signed: 35.0 mg");
		assertThat(page.locator("#sessions tr[data-session='1']")).containsText("signed by physician");

		// Three infusions given and tolerated (recorded as the session module will), with no response on the PHQ-9.
		String physician = api.token("physician");
		String path = "/api/v1/courses/" + courseId;
		for (int n = 1; n <= 3; n++) {
			if (n > 1) {
				assertThat(api.post(physician, path + "/sessions/" + n + "/order", Map.of()).status()).isEqualTo(201);
			}
			ApiClient.Response given = api.post(api.token("nurse"), path + "/sessions/" + n + "/outcome",
					Map.of("givenAt", now.minus(Duration.ofDays(8 - 2L * n)).toString(), "doseMg", 35, "severeDissociation", false,
							"bloodPressureAlert", false));
			assertThat(given.status()).as(given.body()).isEqualTo(200);
		}
		page.reload();
		assertThat(page.locator("#titration-suggestion")).containsText("No response after 3 tolerated sessions at 0.5 mg/kg");
		assertThat(page.locator("#current-dose")).hasText("0.5 mg/kg");
		screenshot(page, "course-titration-suggestion");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm: 0.75 mg/kg")).click();
		assertThat(page.locator(".notice")).containsText("Dose changed.");
		assertThat(page.locator("#current-dose")).hasText("0.75 mg/kg");
		assertThat(page.locator("#titration-suggestion")).hasCount(0);
		assertThat(page.locator("#sessions tr[data-session='4']")).containsText("0.75 mg/kg");
		assertThat(page.locator("#decisions")).containsText("TITRATION_CONFIRMED");
		assertThat(page.locator("#sessions tr[data-session='2']")).containsText("GIVEN");
	}

	@Test
	void builtInProtocolsAreReadOnlyAndCopiedFromTheLibrary() {
		signIn("physician");
		page.navigate("/protocols");
		assertThat(page.locator("#protocols tr[data-code='ESKETAMINE_TRD_LABEL']")).containsText("built-in");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Esketamine nasal spray, treatment-resistant depression (label)"))
			.click();
		assertThat(page.locator("#schedule")).containsText("Weeks 1-4: twice weekly");
		assertThat(page.locator("#edit-protocol")).hasCount(0);
		String code = "ESK_OURS_" + (System.nanoTime() % 100000);
		page.getByLabel("New code").fill(code);
		page.getByLabel("Name").fill("Esketamine, our clinic");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Copy")).click();
		assertThat(page.locator("#protocol-code")).hasText(code);
		page.locator("#edit-protocol").click();
		page.getByLabel("Name").fill("Esketamine, our clinic (weekly maintenance)");
		page.getByLabel("Maintenance", new Page.GetByLabelOptions().setExact(true)).selectOption("WEEKLY");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save protocol")).click();
		assertThat(page.locator(".notice")).containsText("Saved " + code);
		assertThat(page.locator("h1")).hasText("Esketamine, our clinic (weekly maintenance)");
		assertThat(page.locator("main")).containsText("clinic protocol, version 1");
	}

	private boolean timelineDrawn() {
		return (Boolean) page.waitForFunction("() => window.Chart && Chart.getChart(document.getElementById('course-timeline')) !== undefined")
			.jsonValue();
	}

	private int curvePoints() {
		page.waitForFunction("() => window.Chart && Chart.getChart(document.getElementById('pk-curve')) !== undefined");
		return ((Number) page.evaluate("() => Chart.getChart(document.getElementById('pk-curve')).data.datasets[0].data.length")).intValue();
	}
}
