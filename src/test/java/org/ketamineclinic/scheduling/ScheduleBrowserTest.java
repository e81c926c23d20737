package org.ketamineclinic.scheduling;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.ketamineclinic.support.ApiClient;
import org.ketamineclinic.support.BrowserTest;
import org.ketamineclinic.support.ClinicIntegrationTest;
import org.ketamineclinic.support.Courses;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import tools.jackson.databind.JsonNode;

/** The front desk books a whole course from the schedule page and sees the sessions on the day timeline. */
@ClinicIntegrationTest
class ScheduleBrowserTest extends BrowserTest {

	@Test
	void theFrontDeskBooksACoursesSessionsFromThePageAndSeesThemOnTheDayView() {
		ApiClient api = new ApiClient(port);
		String patient = Courses.approvedPatient(api, "SchedBrowser", "IV_KETAMINE", "TRD");
		ApiClient.Response created = api.post(api.token("physician"), "/api/v1/patients/" + patient + "/courses",
				Map.of("protocol", "IV_KETAMINE_6_INFUSIONS", "startDate", "2027-06-14"));
		org.assertj.core.api.Assertions.assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode course = created.json();
		int planned = course.get("plannedSessions").size();
		String family = api.get(api.token("frontdesk"), "/api/v1/patients/" + patient).json().get("familyName").asString();

		signIn("frontdesk");
		page.navigate("/schedule?date=2027-06-14");
		assertThat(page.getByRole(AriaRole.LINK, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Schedule")))
			.isVisible();
		page.getByLabel("Patient (MRN or name)").nth(1).fill(family);
		Locator courseSelect = page.locator("#course-id");
		assertThat(courseSelect.locator("option[value='" + course.get("id").asString() + "']")).hasCount(1);
		courseSelect.selectOption(new SelectOption().setValue(course.get("id").asString()));
		page.getByLabel("Preferred time").fill("09:00");
		page.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Book all sessions")).click();

		Locator result = page.locator("#course-result");
		assertThat(result).containsText("Booked " + planned + " sessions.");
		assertThat(result.locator("li")).hasCount(planned);
		// The booking asks the timeline to refresh: the first session is at 09:00 on the first day.
		Locator block = page.locator("#timeline .block", new com.microsoft.playwright.Page.LocatorOptions().setHasText(family));
		assertThat(block).hasCount(1);
		assertThat(block).containsText("09:00");
		assertThat(block).hasAttribute("style", Pattern.compile("left: 10%"));
		assertThat(page.locator("#appointment-list")).containsText(family);
		screenshot(page, "schedule-course-booked");

		result.locator("li a").nth(1).click();
		assertThat(page).hasURL(Pattern.compile("/schedule\\?date=2027-0[67]-"));
		Locator second = page.locator("#timeline .block", new com.microsoft.playwright.Page.LocatorOptions().setHasText(family));
		assertThat(second).hasCount(1);
		assertThat(second).containsText("iv infusion");
		assertThat(page.locator("table")).containsText(family);

		// A click on a free stretch of a chair's row, just after 13:00 (08:00-18:00), picks 13:00 in the booking form.
		assertThat(page.locator("#book-start option")).not().hasCount(1);
		Locator track = page.locator(".timeline-row:not(.timeline-scale) .timeline-track").nth(2);
		com.microsoft.playwright.options.BoundingBox box = track.boundingBox();
		track.click(new Locator.ClickOptions().setPosition(box.width * 0.505, box.height / 2));
		assertThat(page.locator("#book-hint")).hasText("Time set to 13:00.");
		assertThat(page.locator("#book-start")).hasValue(Pattern.compile("T1[78]:00:00Z$"));
		org.assertj.core.api.Assertions.assertThat(overflowingCards(page)).isEmpty();
	}

	@Test
	void theWeekViewMovesBetweenWeeksAndStaffWithHtmxAndTheCapacityChartDraws() {
		signIn("frontdesk");
		page.navigate("/schedule/week?date=2031-04-07");
		assertThat(page.locator("#week h2")).containsText("week of 7 April 2031");
		page.getByText("Next week").click();
		assertThat(page.locator("#week h2")).containsText("week of 14 April 2031");
		assertThat(page).hasURL(Pattern.compile("date=2031-04-14"));
		assertThat(page.locator(".week-day")).hasCount(7);
		String before = page.locator("#week h2").textContent();
		page.locator("#week-staff").selectOption(new SelectOption().setIndex(1));
		assertThat(page.locator("#week h2")).not().hasText(before);
		org.assertj.core.api.Assertions.assertThat(overflowingCards(page)).isEmpty();
		screenshot(page, "schedule-week");

		page.navigate("/schedule/capacity?from=2033-05-01&to=2033-05-07");
		assertThat(page.locator("table tbody tr")).hasCount(7);
		page.waitForFunction("() => window.Chart && Chart.getChart(document.getElementById('capacity-chart'))");
		Object labels = page.evaluate("() => Chart.getChart(document.getElementById('capacity-chart')).data.labels.length");
		org.assertj.core.api.Assertions.assertThat(((Number) labels).intValue()).isEqualTo(7);
		screenshot(page, "schedule-capacity");
	}
}
