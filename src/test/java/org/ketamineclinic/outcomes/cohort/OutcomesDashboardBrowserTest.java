package org.ketamineclinic.outcomes.cohort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.ketamineclinic.support.ApiClient;
import org.ketamineclinic.support.BrowserTest;
import org.ketamineclinic.support.ClinicIntegrationTest;
import org.ketamineclinic.support.Courses;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import com.microsoft.playwright.options.AriaRole;

/** A physician narrows the cohort with the filters and sees the numbers, the chart and the reference line change. */
@ClinicIntegrationTest
class OutcomesDashboardBrowserTest extends BrowserTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void filtersChangeTheNumbersAndTheChartShowsThePublishedRate() {
		ApiClient api = new ApiClient(port);
		LocalDate start = LocalDate.now(ZoneOffset.UTC).minusDays(250);
		OutcomesApiTest.treatedPatient(api, Courses.approvedPatient(api, "OutBrowser", "IV_KETAMINE", "TRD"), start,
				OutcomesApiTest.REMITTED_8, jdbc, events, transactions);

		signIn("physician");
		page.getByRole(AriaRole.LINK, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Outcomes")).click();
		assertThat(page).hasURL(Pattern.compile("/outcomes"));
		page.locator("#f-from").fill(start.minusDays(30).toString());
		page.locator("#f-to").fill(start.minusDays(29).toString());
		page.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Show")).click();
		assertThat(page.locator("#overall-patients")).hasText("0");
		assertThat(page.locator("#overall-response")).hasText("-");

		page.locator("#f-from").fill(start.toString());
		page.locator("#f-to").fill(start.toString());
		page.locator("#f-route").selectOption("IV_KETAMINE");
		page.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Show")).click();
		assertThat(page.locator("#overall-patients")).hasText("1");
		assertThat(page.locator("#overall-response")).hasText("100.0%");
		assertThat(page.locator("#overall-remission")).hasText("100.0%");

		// Chart.js drew the bars and the plugin drew both IV reference lines (ELEKT-D response, KetECT remission).
		assertThat(page.locator("#chart-route")).hasAttribute("data-drawn", "true");
		assertThat(page.locator("#chart-route")).hasAttribute("data-reference-lines", "2");
		assertThat(page.locator("#references")).containsText("ELEKT-D");
		assertThat(page.locator("#references")).containsText("KetECT");

		// The CSV link works with the signed-in session and carries the filters.
		String csv = page.locator("#cohort-csv").getAttribute("href");
		com.microsoft.playwright.APIResponse download = page.request().get(csv);
		org.assertj.core.api.Assertions.assertThat(download.status()).isEqualTo(200);
		org.assertj.core.api.Assertions.assertThat(download.text()).startsWith("breakdown,group,patients")
			.contains("\"overall\",\"all\",1,1,1,1,1,1.0,1.0");
	}
}
