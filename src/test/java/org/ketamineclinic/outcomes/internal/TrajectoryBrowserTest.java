package org.ketamineclinic.outcomes.internal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.ketamineclinic.outcomes.internal.OutcomesFixtures.madrs;
import static org.ketamineclinic.outcomes.internal.OutcomesFixtures.minutesAgo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.ketamineclinic.support.ApiClient;
import org.ketamineclinic.support.BrowserTest;
import org.ketamineclinic.support.ClinicIntegrationTest;

/**
 * A physician opens a patient's Trajectory tab: the chart is drawn with a line per scale, dose
 * markers, side effect and alert markers, the course's phases and the threshold lines; the table
 * under it lists the same; then the physician acknowledges a relapse alert from the staff home.
 */
@ClinicIntegrationTest
class TrajectoryBrowserTest extends BrowserTest {

	@Test
	void thePhysicianReadsTheTrajectoryChartAndItsTable() {
		ApiClient api = new ApiClient(port);
		String patient = OutcomesFixtures.readyIvPatient(api, "Chartline");
		ApiClient.Response course = api.post(api.token("physician"), "/api/v1/patients/" + patient + "/courses",
				Map.of("protocol", "IV_KETAMINE_6_INFUSIONS", "startDate", LocalDate.now().toString()));
		assertThat(course.status()).as(course.body()).isEqualTo(201);
		madrs(api, patient, 34, 4);
		String first = OutcomesFixtures.dosedSession(api, patient, 3 * 24 * 60, 35);
		assertThat(api.post(api.token("nurse"), first + "/adverse-events", Map.of("type", "NAUSEA_OR_VOMITING", "severity", "MILD",
				"serious", false, "onsetAt", minutesAgo(3 * 24 * 60 - 20), "outcome", "Resolved")).status()).isEqualTo(201);
		OutcomesFixtures.end(api, first);
		OutcomesFixtures.end(api, OutcomesFixtures.dosedSession(api, patient, 24 * 60, 40));
		madrs(api, patient, 12, 0);

		List<String> consoleErrors = new ArrayList<>();
		page.onConsoleMessage(message -> {
			if (message.type().equals("error")) {
				consoleErrors.add(message.text());
			}
		});
		signIn("physician");
		page.navigate("/patients/" + patient);
		page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Trajectory")).click();
		assertThat(page).hasURL(Pattern.compile(".*/patients/" + patient + "/trajectory$"));
		assertThat(page.locator("nav.tabs a.active")).hasText("Trajectory");

		Locator chart = page.locator("#trajectory-chart");
		assertThat(chart).isVisible();
		assertThat(chart).hasAttribute("data-drawn", "true");
		@SuppressWarnings("unchecked")
		Map<String, Object> drawn = (Map<String, Object>) page.evaluate("""
				() => {
				  const chart = document.getElementById('trajectory-chart').chart;
				  const count = label => { const d = chart.data.datasets.find(d => d.label === label); return d ? d.data.length : 0; };
				  const visible = label => { const i = chart.data.datasets.findIndex(d => d.label === label);
				    return i < 0 ? 0 : chart.getDatasetMeta(i).data.filter(p => p.x >= chart.chartArea.left && p.x <= chart.chartArea.right).length; };
				  return { labels: chart.data.datasets.map(d => d.label).join('|'), madrs: count('MADRS'), doses: visible('Doses'),
				    events: visible('Side effects and alerts'), details: chart.data.datasets.flatMap(d => d.data.map(p => p.detail)).join('|') };
				}""");
		assertThat((String) drawn.get("labels")).contains("MADRS", "Doses", "Side effects and alerts", "MADRS response (17)",
				"MADRS remission (10)");
		assertThat(((Number) drawn.get("madrs")).intValue()).isEqualTo(2);
		assertThat(((Number) drawn.get("doses")).intValue()).as("dose markers inside the plot").isEqualTo(2);
		assertThat(((Number) drawn.get("events")).intValue()).isEqualTo(1);
		assertThat((String) drawn.get("details")).contains("Intravenous racemic ketamine, 35 mg", "Intravenous racemic ketamine, 40 mg",
				"Side effect NAUSEA_OR_VOMITING (MILD)");

		Locator table = page.locator("#trajectory-table");
		assertThat(table.locator("tr[data-kind='dose']")).hasCount(2);
		assertThat(table.locator("tr[data-kind='side-effect']")).hasCount(1);
		assertThat(table.locator("tr[data-kind='phase']")).hasCount(2);
		assertThat(table.locator("tr[data-kind='phase']").first()).containsText("IV_KETAMINE_6_INFUSIONS");
		assertThat(table.locator("tr[data-kind='dose']").first()).containsText("35 mg");
		assertThat(page.locator("#trajectory-thresholds")).containsText("MADRS baseline 34: response at 17 or less, remission at 10 or less");
		assertThat(consoleErrors).as("no script or CSP errors").isEmpty();
		screenshot(page, "outcomes-trajectory");
	}

	@Test
	void thePhysicianAcknowledgesARelapseAlertFromTheStaffHome() {
		ApiClient api = new ApiClient(port);
		String patient = org.ketamineclinic.support.EvaluationCharts.complete(api, "Homecard");
		madrs(api, patient, 34, 60);
		madrs(api, patient, 12, 40);
		madrs(api, patient, 24, 20);
		madrs(api, patient, 25, 10);

		signIn("physician");
		Locator card = page.locator("#open-relapse-alerts li").filter(new Locator.FilterOptions().setHasText("Homecard"));
		// The alert comes from an event after the rating's transaction: reload the home until it is there.
		long deadline = System.currentTimeMillis() + 20_000;
		while (card.count() == 0 && System.currentTimeMillis() < deadline) {
			page.navigate("/");
			page.locator("#relapse-alerts").waitFor();
		}
		assertThat(card).hasCount(1);
		card.locator("a").click();
		assertThat(page.locator("h1")).hasText("Relapse alert");
		assertThat(page.locator("#alert-message")).containsText("MADRS 24 then 25");
		page.locator("#action").fill("Maintenance session brought forward to this week");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Acknowledge alert")).click();
		assertThat(page.locator(".notice")).containsText("Relapse alert acknowledged");
		assertThat(page.locator("#open-relapse-alerts li").filter(new Locator.FilterOptions().setHasText("Homecard"))).hasCount(0);

		page.navigate("/patients/" + patient + "/trajectory");
		assertThat(page.locator("#relapse-on-trajectory")).containsText("Maintenance session brought forward to this week");
		assertThat(page.locator("#trajectory-chart")).hasAttribute("data-drawn", "true");
		assertThat(page.evaluate("() => document.getElementById('trajectory-chart').chart.data.datasets"
				+ ".filter(d => d.label === 'Relapse').map(d => d.data.length)[0]")).isEqualTo(1);
	}
}
