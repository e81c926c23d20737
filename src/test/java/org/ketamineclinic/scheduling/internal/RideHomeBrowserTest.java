package org.ketamineclinic.scheduling.internal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
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
		UUID appointment = bookDosingBetween26And70HoursFromNow(api, patient);
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

	/** The first free IM injection on a weekday between 26 and 70 hours from now (inside the 72-hour list, outside the cut-off). */
	private UUID bookDosingBetween26And70HoursFromNow(ApiClient api, UUID patient) {
		String token = api.token("frontdesk");
		ZonedDateTime t = Instant.now().plus(Duration.ofHours(26)).atZone(PatientSideFixtures.ZONE).truncatedTo(ChronoUnit.HOURS).plusHours(1);
		Instant last = Instant.now().plus(Duration.ofHours(70));
		for (; t.toInstant().isBefore(last); t = t.plusMinutes(30)) {
			boolean weekday = t.getDayOfWeek() != DayOfWeek.SATURDAY && t.getDayOfWeek() != DayOfWeek.SUNDAY;
			if (!weekday || t.toLocalTime().isBefore(LocalTime.of(8, 0)) || t.toLocalTime().isAfter(LocalTime.of(16, 0))) {
				continue;
			}
			ApiClient.Response booked = api.post(token, "/api/v1/appointments",
					Map.of("patientId", patient.toString(), "type", "IM_INJECTION", "start", t.toInstant().toString()));
			if (booked.status() == 201) {
				return UUID.fromString(booked.json().get("id").asString());
			}
		}
		throw new IllegalStateException("no free IM injection between 26 and 70 hours from now");
	}
}
