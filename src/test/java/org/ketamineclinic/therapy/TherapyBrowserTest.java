package org.ketamineclinic.therapy;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ketamineclinic.identity.Accounts;
import org.ketamineclinic.support.BrowserTest;
import org.ketamineclinic.support.ClinicIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import tools.jackson.databind.JsonNode;

/**
 * Therapy in the browser: a therapist sees the integration due on the home page and the chart's
 * Therapy tab, plans an integration session for the discharged dosing session, writes and signs the
 * structured note, and the due item is gone; a patient on a phone writes a journal entry and shares it.
 */
@ClinicIntegrationTest
class TherapyBrowserTest extends BrowserTest {

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcTemplate jdbc;

	TherapyFixtures fixtures;

	@BeforeEach
	void fixtures() {
		fixtures = new TherapyFixtures(port, accounts, jdbc);
	}

	@Test
	void aTherapistPlansAnIntegrationSessionSignsItsNoteAndTheDueItemDisappears() {
		String patient = fixtures.readyPatient("TherapyUi");
		String dosing = fixtures.dischargedSession(patient, 45);
		fixtures.awaitDue(dosing);
		String dueItem = "li[data-dosing-session='" + dosing + "']";

		signIn("therapist");
		assertThat(page.locator("#integration-due-card " + dueItem)).containsText("due by");

		page.navigate("/patients/" + patient);
		page.locator("#tab-therapy").click();
		assertThat(page).hasURL(Pattern.compile(".*/patients/" + patient + "/therapy$"));
		assertThat(page.locator("#integration-due " + dueItem)).containsText("due by");

		page.getByLabel("Type").selectOption("INTEGRATION");
		page.getByLabel("Dosing session").selectOption(dosing);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Plan session")).click();
		assertThat(page).hasURL(Pattern.compile(".*/therapy-sessions/[0-9a-f-]{36}$"));
		assertThat(page.locator(".notice")).hasText("Integration session planned.");
		assertThat(page.locator("#therapy-status")).hasText("PLANNED");

		page.getByLabel("Themes").fill("Letting go of control during the dose");
		page.getByLabel("Insights").fill("The fear passed when she stopped fighting it");
		page.getByLabel("Goals").fill("Walk outside three times this week");
		page.getByLabel("Between-session practice").fill("Breathing exercise before sleep");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save draft")).click();
		assertThat(page.locator(".notice")).hasText("Draft saved.");
		assertThat(page.getByLabel("Goals")).hasValue("Walk outside three times this week");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign note")).click();
		assertThat(page.locator("#note-signed")).containsText("Signed by therapist");
		assertThat(page.locator("#therapy-status")).hasText("HELD");
		assertThat(page.locator("#signed-note")).containsText("Walk outside three times this week");
		assertThat(page.locator("#note-form")).hasCount(0);

		page.getByLabel("Addendum").fill("Sister called back; plan kept.");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add addendum")).click();
		assertThat(page.locator("#addenda")).containsText("therapist: Sister called back; plan kept.");

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Back to the Therapy tab")).click();
		assertThat(page.locator("#integration-due " + dueItem)).hasCount(0);
		assertThat(page.locator("#therapy-sessions")).containsText("HELD");
		page.navigate("/");
		assertThat(page.locator("#integration-due-card")).isVisible();
		assertThat(page.locator("#integration-due-card " + dueItem)).hasCount(0);
	}

	@Test
	void aPatientOnAPhoneWritesAJournalEntryAndSharesIt() {
		TherapyFixtures.PatientAccount account = fixtures.patientWithAccount();
		Page phone = newPage(new Browser.NewContextOptions().setViewportSize(390, 844));
		signIn(phone, account.username(), TherapyFixtures.PASSWORD);
		phone.locator("#portal-journal").click();
		assertThat(phone).hasURL(Pattern.compile(".*/portal/journal$"));

		String text = "Slept well after the session " + UUID.randomUUID();
		phone.getByLabel("What is on your mind").fill(text);
		phone.getByLabel("Mood from 0 (worst) to 10 (best), optional").fill("6");
		phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save entry")).click();
		assertThat(phone.locator(".notice")).hasText("Saved. Only you can see it.");
		assertThat(phone.locator("article.journal-entry").first()).containsText("Private");
		assertThat(fixtures.api.get(fixtures.token("therapist"), "/api/v1/patients/" + account.patientId() + "/journal").json().size())
			.as("private by default").isZero();

		phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Share with my care team")).click();
		assertThat(phone.locator(".notice")).hasText("Shared with your care team.");
		assertThat(phone.locator("article.journal-entry").first()).containsText("Shared with your care team");
		JsonNode shared = fixtures.api.get(fixtures.token("therapist"), "/api/v1/patients/" + account.patientId() + "/journal").json();
		assertThat(shared.findValuesAsString("text")).containsExactly(text);
		assertThat(shared.get(0).get("mood").asInt()).isEqualTo(6);
		assertThat(overflowingCards(phone)).isEmpty();
	}
}
