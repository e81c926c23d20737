package org.ketamineclinic.scheduling.internal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.ketamineclinic.identity.Accounts;
import org.ketamineclinic.support.ApiClient;
import org.ketamineclinic.support.BrowserTest;
import org.ketamineclinic.support.ClinicIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A patient signs in on a phone, opens their appointments, sees the preparation for their dosing
 * session and confirms the adult who drives them home; the front desk's list of unconfirmed rides
 * showed the session before and no longer shows it after.
 */
@ClinicIntegrationTest
class RideHomeBrowserTest extends BrowserTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Accounts accounts;

	@Test
	void aPatientConfirmsTheRideHomeAndTheFrontDeskListNoLongerShowsIt() {
		ApiClient api = new ApiClient(port);
		PatientSideFixtures fixtures = new PatientSideFixtures(api, jdbc, accounts);
		UUID patient = fixtures.patient(null);
		String username = fixtures.account(patient);
		UUID appointment = bookDosing30HoursFromNow(api, patient);
		String card = "[data-appointment='" + appointment + "']";

		Page desk = newPage(new Browser.NewContextOptions().setViewportSize(1280, 900));
		signIn(desk, "frontdesk", ApiClient.DEMO_PASSWORD);
		desk.navigate("/front-desk/rides");
		assertThat(desk.locator(card)).isVisible();

		Page phone = newPage(new Browser.NewContextOptions().setViewportSize(390, 844));
		signIn(phone, username, PatientSideFixtures.PASSWORD);
		phone.navigate("/portal");
		phone.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Your appointments, ride home and booking")).click();
		assertThat(phone).hasTitle(java.util.regex.Pattern.compile("Your appointments"));
		Locator session = phone.locator(card);
		assertThat(session).containsText("No food for 2 hours");
		session.getByLabel("Driver's name").fill("Alex Driver");
		session.getByLabel("Driver's phone").fill("+1 555 010 2030");
		session.getByLabel("An adult who will drive me home").check();
		session.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Confirm my ride home")).click();
		assertThat(phone.getByRole(AriaRole.STATUS)).containsText("your ride home is confirmed");
		assertThat(phone.locator(card)).containsText("Ride home confirmed: Alex Driver, +1 555 010 2030");
		screenshot(phone, "portal-appointments-phone");
		assertThat(overflowingCards(phone)).as("cards whose content overflows them").isEmpty();

		desk.reload();
		assertThat(desk.locator("h1")).hasText("Rides home to confirm");
		assertThat(desk.locator(card)).hasCount(0);
		assertThat(jdbc.queryForObject("SELECT confirmed_by FROM scheduling_ride WHERE appointment_id = ?", String.class, appointment))
			.isEqualTo(username);
	}

	/**
	 * An IM injection 30 hours from now (inside the front desk's 72-hour list, outside the 24-hour cut-off) in a chair of its
	 * own. Written straight into the table: on a Thursday evening no opening hour lies in that window, and booking rules are
	 * not what this test is about.
	 */
	private UUID bookDosing30HoursFromNow(ApiClient api, UUID patient) {
		String chair = api.post(api.token("admin"), "/api/v1/scheduling/chairs", Map.of("name", "Ride-" + System.nanoTime(),
				"capabilities", java.util.List.of("RECLINER"))).json().get("id").asString();
		UUID clinic = jdbc.queryForObject("SELECT clinic_id FROM scheduling_resource WHERE id = ?", UUID.class, UUID.fromString(chair));
		UUID id = UUID.randomUUID();
		Instant start = Instant.now().plus(Duration.ofHours(30)).truncatedTo(ChronoUnit.MINUTES);
		jdbc.update("INSERT INTO scheduling_appointment (id, clinic_id, patient_id, type, start_at, end_at, resource_id, status, version, "
				+ "created_at, created_by) VALUES (?, ?, ?, 'IM_INJECTION', ?, ?, ?, 'BOOKED', 0, now(), 'test')", id, clinic, patient,
				java.sql.Timestamp.from(start), java.sql.Timestamp.from(start.plus(Duration.ofMinutes(90))), UUID.fromString(chair));
		return id;
	}
}
