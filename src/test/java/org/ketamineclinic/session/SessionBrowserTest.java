package org.ketamineclinic.session;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.ketamineclinic.support.ApiClient;
import org.ketamineclinic.support.BrowserTest;
import org.ketamineclinic.support.ClinicIntegrationTest;

/**
 * An IM session at the chair, in the browser: the nurse checks in with a raised blood pressure, a
 * physician acknowledges it, the nurse gives from a lot chosen in stock, keys in a high reading and
 * sees the alert, discharge is refused until the vial's remainder is wasted and an Aldrete of 9 is
 * recorded, and the aftercare sheet names the escort.
 */
@ClinicIntegrationTest
class SessionBrowserTest extends BrowserTest {

	private static final String VIAL = "KETAMINE_10MG_PER_ML_20ML";

	private static final Pattern SESSION_URL = Pattern.compile(".*/sessions/([0-9a-f-]{36})$");

	@Test
	void aNurseAndAPhysicianRunAnImSessionFromCheckInToDischarge() {
		ApiClient api = new ApiClient(port);
		String nurseToken = api.token("nurse");
		String lot = "KET-UI-" + System.nanoTime();
		String patient = SessionApiTest.readyPatient(api, "SessionUi", "IM_KETAMINE");
		String chair = "Chair-UI-" + System.nanoTime();
		ApiClient.Response created = api.post(nurseToken, "/api/v1/sessions", Map.of("patientId", patient, "route", "IM_KETAMINE",
				"scheduledStart", Instant.now().toString(), "chairId", chair));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String sessionId = created.json().get("id").asString();

		// The nurse receives the lot into the ledger (issue 8: receive, dispense in a session, witnessed waste, count).
		signIn("nurse");
		page.navigate("/inventory");
		page.locator("#r-product").selectOption(VIAL);
		page.locator("#r-lot").fill(lot);
		page.locator("#r-expiry").fill(java.time.LocalDate.now().plusYears(1).toString());
		page.locator("#r-quantity").fill("10");
		page.locator("#r-supplier").fill("Hikma");
		page.locator("#r-invoice").fill("INV-" + lot);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record receipt")).click();
		assertThat(page.locator(".notice")).containsText("Received 10 of lot " + lot);
		assertThat(shelf(lot)).hasText("10");

		// The nurse finds the patient on the chair board and opens the session.
		page.navigate("/board");
		page.locator("#board tr", new Page.LocatorOptions().setHasText(chair)).getByRole(AriaRole.LINK).click();
		assertThat(page).hasURL(SESSION_URL);
		assertThat(page.url()).endsWith(sessionId);
		assertThat(page.locator("#session-status")).hasText("PLANNED");

		// Check-in 100 minutes ago, in the clinic's wall-clock time as the form shows it.
		LocalDateTime now = checkIn(new Arrival(100, 280, 160, "Sam Ride", "555-0100", 150, 92, 72, 98));
		assertThat(page.locator("#session-status")).hasText("CHECKED_IN");
		assertThat(page.locator("#findings li[data-rule='PRE_DOSE_BLOOD_PRESSURE_HIGH']")).containsText("150/92");
		assertThat(page.locator("#findings form")).hasCount(0);

		// Giving before the physician acknowledges is refused with the finding.
		page.getByLabel("Lot").selectOption(lot);
		page.getByLabel("Dose (mg)").fill("35");
		page.getByLabel("Started at").fill(local(now.minusMinutes(90)));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record dose")).click();
		assertThat(page.locator("#session-problems")).isVisible();
		assertThat(page.locator("#session-status")).hasText("CHECKED_IN");

		// A physician, on another device, acknowledges the soft finding with a reason.
		Page physician = newPage(new Browser.NewContextOptions().setViewportSize(1280, 900));
		signIn(physician, "physician", ApiClient.DEMO_PASSWORD);
		physician.navigate("/sessions/" + sessionId);
		physician.getByLabel("Reason to proceed").fill("Anxious on arrival; recheck was lower");
		physician.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Acknowledge")).click();
		assertThat(physician.locator("#findings")).containsText("Acknowledged by physician: Anxious on arrival");

		// The nurse gives 35 mg from the chosen lot.
		page.navigate("/sessions/" + sessionId);
		assertThat(page.getByLabel("Lot").locator("option[value='" + lot + "']")).hasCount(1);
		page.getByLabel("Lot").selectOption(lot);
		page.getByLabel("Dose (mg)").fill("35");
		page.getByLabel("Started at").fill(local(now.minusMinutes(90)));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record dose")).click();
		assertThat(page.locator(".notice[role='status']")).hasText("Dose recorded.");
		assertThat(page.locator("#session-status")).hasText("MONITORING");
		assertThat(page.locator("#administrations tbody tr")).hasCount(1);
		assertThat(page.locator("#administrations")).containsText(lot);

		// Vital signs by keyboard only: the systolic field has the focus, Tab moves on, Enter records.
		assertThat(page.locator("#v-sbp")).isFocused();
		page.keyboard().type("185");
		page.keyboard().press("Tab");
		page.keyboard().type("112");
		page.keyboard().press("Tab");
		page.keyboard().type("88");
		page.keyboard().press("Tab");
		page.keyboard().type("97");
		page.keyboard().press("Tab");
		page.keyboard().type("16");
		page.keyboard().press("Enter");
		assertThat(page.locator(".notice[role='status']")).containsText("Alert");
		assertThat(page.locator("#readings tbody tr").first()).containsText("185/112");
		assertThat(page.locator("#open-alerts li[data-code='BLOOD_PRESSURE_SEVERE']")).isVisible();
		assertThat(page.locator("#next-check")).containsText("Next check due");

		// Discharge is refused: no Aldrete yet and 165 mg of the 200 mg vial unaccounted for.
		page.locator("#escortConfirmed").check();
		page.locator("#dissociationResolved").check();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Discharge")).click();
		assertThat(page.locator("#session-problems")).containsText("165 mg");
		assertThat(page.locator("#session-problems")).containsText("Aldrete");
		assertThat(page.locator("#unmet li[data-rule='DISCHARGE_ALDRETE_SCORE']")).isVisible();
		assertThat(page.locator("#session-status")).hasText("MONITORING");
		assertThat(overflowingCards(page)).isEmpty();
		screenshot(page, "session-discharge-refused");

		// The session took one 200 mg vial off the shelf; the 165 mg left in it is wasted on the ledger page,
		// the physician witnessing with their own password.
		page.locator("#waste-link").click();
		assertThat(shelf(lot)).hasText("9");
		assertThat(page.locator("#w-session")).hasValue(sessionId);
		page.locator("#w-product").selectOption(VIAL);
		page.locator("#w-lot").fill(lot);
		page.locator("#w-amount").fill("165");
		page.locator("#w-witness").fill("physician");
		page.locator("#w-password").fill(ApiClient.DEMO_PASSWORD);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record waste")).click();
		assertThat(page.locator(".notice")).containsText("Wasted 165 mg of lot " + lot + ", witnessed by physician");

		// Aldrete 9 (one point off for consciousness), then discharge succeeds.
		page.navigate("/sessions/" + sessionId);
		assertThat(page.locator("#session-problems")).hasCount(0);
		page.getByLabel("Consciousness").selectOption("1");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record Aldrete")).click();
		assertThat(page.locator(".notice[role='status']")).hasText("ALDRETE recorded: 9.");
		assertThat(page.locator("#scores")).containsText("ALDRETE");
		assertThat(page.locator("#discharge-ready")).isVisible();
		page.locator("#escortConfirmed").check();
		page.locator("#dissociationResolved").check();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Discharge")).click();
		assertThat(page.locator("#session-status")).hasText("DISCHARGED");
		assertThat(page.locator("#discharged")).containsText("by nurse");

		// The printable aftercare sheet names the escort.
		page.locator("#aftercare-link").click();
		assertThat(page.locator("#aftercare-escort")).containsText("Sam Ride");
		assertThat(page.locator("#aftercare-rules")).containsText("24 hours");
		assertThat(page.locator("#crisis-line")).containsText("988");
		screenshot(page, "session-aftercare");

		// The chart's Sessions tab lists it.
		page.navigate("/patients/" + patient + "/sessions");
		assertThat(page.locator("#patient-sessions tbody tr")).hasCount(1);
		assertThat(page.locator("#patient-sessions")).containsText("DISCHARGED");

		// The evening count finds 8 vials where the book says 9: a discrepancy opens.
		page.navigate("/inventory");
		page.locator("#c-product").selectOption(VIAL);
		page.locator("#c-lot").fill(lot);
		page.locator("#c-counted").fill("8");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record count")).click();
		assertThat(page).hasURL(Pattern.compile(".*/inventory/discrepancies/[0-9a-f-]{36}$"));
		assertThat(page.locator(".problem")).containsText("a discrepancy is open");
		assertThat(page.locator("#expected")).hasText("9");
		assertThat(page.locator("#counted")).hasText("8");
		assertThat(page.locator("#status")).hasText("OPEN");
	}

	/**
	 * A complete esketamine session at the chair: check-in with nothing to acknowledge, two devices
	 * five minutes apart from a lot on the shelf, the 40-minute reading, MOAA/S and CADSS, discharge
	 * after two hours with the time the patient would have been ready recorded, the REMS form listed
	 * on the staff home until it is marked submitted, and the note signed and locked.
	 */
	@Test
	void aNurseRunsACompleteEsketamineSessionThroughTheRemsForm() {
		ApiClient api = new ApiClient(port);
		String nurseToken = api.token("nurse");
		String lot = "ESK-UI-" + System.nanoTime();
		SessionApiTest.receive(api, api.token("physician"), "ESKETAMINE_28MG_DEVICE", lot);
		String patient = SessionApiTest.readyPatient(api, "EskUi", "IN_ESKETAMINE");
		String chair = "Chair-ESK-" + System.nanoTime();
		ApiClient.Response created = api.post(nurseToken, "/api/v1/sessions", Map.of("patientId", patient, "route", "IN_ESKETAMINE",
				"scheduledStart", Instant.now().toString(), "chairId", chair));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String sessionId = created.json().get("id").asString();

		signIn("nurse");
		page.navigate("/sessions/" + sessionId);
		LocalDateTime now = checkIn(new Arrival(170, 320, 220, "Ana Ride", "555-0199", 128, 82, 70, 98));
		assertThat(page.locator(".notice[role='status']")).hasText("Checked in.");
		assertThat(page.locator("#session-status")).hasText("CHECKED_IN");

		// Two 28 mg devices, five minutes apart, from the lot on the shelf.
		for (int device = 1; device <= 2; device++) {
			page.getByLabel("Lot").selectOption(lot);
			page.getByLabel("Dose (mg)").fill("28");
			page.getByLabel("Started at").fill(local(now.minusMinutes(165 - 5L * device)));
			page.getByLabel("Device number").fill(Integer.toString(device));
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record dose")).click();
			assertThat(page.locator(".notice[role='status']")).hasText("Dose recorded.");
		}
		assertThat(page.locator("#administrations tbody tr")).hasCount(2);
		assertThat(page.locator("#session-status")).hasText("MONITORING");

		// The reading at about 40 minutes, then one before discharge; neither raises an alert.
		page.locator("#v-sbp").fill("150");
		page.locator("#v-dbp").fill("94");
		page.locator("#v-spo2").fill("97");
		page.locator("#v-time").fill(now.minusMinutes(120).toLocalTime().withSecond(0).withNano(0).toString());
		page.locator("#v-rr").press("Enter");
		assertThat(page.locator(".notice[role='status']")).hasText("Reading recorded.");
		page.locator("#v-sbp").fill("132");
		page.locator("#v-dbp").fill("84");
		page.locator("#v-spo2").fill("98");
		page.locator("#v-time").fill(now.minusMinutes(15).toLocalTime().withSecond(0).withNano(0).toString());
		page.locator("#v-rr").press("Enter");
		assertThat(page.locator("#readings tbody tr")).hasCount(2);
		assertThat(page.locator("#open-alerts")).hasCount(0);

		// MOAA/S 5 and a CADSS with one item rated slightly.
		page.getByLabel("MOAA/S (0 to 5)").selectOption("5");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record MOAA/S")).click();
		assertThat(page.locator(".notice[role='status']")).hasText("MOAAS recorded: 5.");
		page.locator("#cadss summary").click();
		page.getByLabel("Item 7", new Page.GetByLabelOptions().setExact(true)).selectOption("1");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record CADSS")).click();
		assertThat(page.locator(".notice[role='status']")).hasText("CADSS recorded: 1.");
		assertThat(page.locator("#scores")).containsText("CADSS");

		// Two hours have passed since the first device and sedation is resolved: every measured criterion is met.
		assertThat(page.locator("#discharge-ready")).isVisible();
		page.locator("#escortConfirmed").check();
		page.locator("#dissociationResolved").check();
		page.getByLabel("Ready to leave at").fill(local(now.minusMinutes(70)));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Discharge")).click();
		assertThat(page.locator("#session-status")).hasText("DISCHARGED");

		// The REMS form is due on the staff home until it is marked submitted.
		assertThat(page.locator("#rems-due")).containsText("Due by");
		com.microsoft.playwright.APIResponse pdf = page.request().get(page.locator("#rems-pdf").getAttribute("href"));
		assertThat(pdf.status()).isEqualTo(200);
		assertThat(pdf.headers().get("content-type")).isEqualTo("application/pdf");
		assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		page.navigate("/");
		assertThat(page.locator("#sessions-today a[href='/sessions/" + sessionId + "']")).containsText("EskUi");
		page.navigate("/sessions/" + sessionId);
		page.getByLabel("REMS confirmation number").fill("RMS-2026-0042");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Mark submitted")).click();
		assertThat(page.locator("#rems-submitted")).containsText("Submitted by nurse");
		assertThat(page.locator("#rems-submitted")).containsText("confirmation RMS-2026-0042");
		page.navigate("/");
		assertThat(page.locator("#sessions-today")).containsText("Chair board");
		assertThat(page.locator("#sessions-today a[href='/sessions/" + sessionId + "']")).hasCount(0);

		// The note is composed from the session, signed once and then only takes addenda.
		page.navigate("/sessions/" + sessionId);
		assertThat(page.locator("#note-draft").inputValue()).contains(lot, "Intranasal esketamine session", "CADSS");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign note")).click();
		assertThat(page.locator("#note-signed")).containsText("Signed by nurse");
		assertThat(page.locator("#note-form")).hasCount(0);
		page.getByLabel("Addendum").fill("Phoned the next morning: slept well.");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add addendum")).click();
		assertThat(page.locator("#addenda")).containsText("nurse: Phoned the next morning: slept well.");
		assertThat(overflowingCards(page)).isEmpty();
		screenshot(page, "session-esketamine-records");
	}

	/**
	 * An IV infusion from a signed course order: the page shows the pump rate, a reading of 186/104
	 * during the infusion raises the severe blood-pressure alert on the session and on the chair
	 * board, the physician records the action taken, a recheck is back to safe, and the patient
	 * goes home once the infusion has ended, Aldrete is 9 or more and the vial's rest is wasted.
	 */
	@Test
	void anIvInfusionRaisesAndResolvesABloodPressureAlert() {
		ApiClient api = new ApiClient(port);
		String nurseToken = api.token("nurse");
		String physicianToken = api.token("physician");
		String lot = "KET-IV-UI-" + System.nanoTime();
		SessionApiTest.receive(api, physicianToken, VIAL, lot);
		String patient = SessionApiTest.readyPatient(api, "IvUi", "IV_KETAMINE");
		ApiClient.Response course = api.post(physicianToken, "/api/v1/patients/" + patient + "/courses",
				Map.of("protocol", "IV_KETAMINE_6_INFUSIONS", "startDate", java.time.LocalDate.now().toString()));
		assertThat(course.status()).as(course.body()).isEqualTo(201);
		String courseId = course.json().get("id").asString();
		ApiClient.Response order = api.post(physicianToken, "/api/v1/courses/" + courseId + "/sessions/1/order",
				Map.of("bagVolumeMl", 100));
		assertThat(order.status()).as(order.body()).isEqualTo(201);
		String doseMg = order.json().get("doseMg").decimalValue().stripTrailingZeros().toPlainString();
		String pumpRate = order.json().get("infusionRateMlPerHour").decimalValue().stripTrailingZeros().toPlainString();
		String chair = "Chair-IV-" + System.nanoTime();
		ApiClient.Response created = api.post(nurseToken, "/api/v1/sessions", Map.of("patientId", patient, "courseId", courseId,
				"scheduledStart", Instant.now().toString(), "chairId", chair));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String sessionId = created.json().get("id").asString();

		signIn("nurse");
		page.navigate("/sessions/" + sessionId);
		assertThat(page.locator("#pump-rate")).containsText(pumpRate + " mL/h over 40 min");
		LocalDateTime now = checkIn(new Arrival(70, 300, 200, "Lee Ride", "555-0123", 126, 80, 68, 99));
		assertThat(page.locator("#session-status")).hasText("CHECKED_IN");
		page.getByLabel("Lot").selectOption(lot);
		assertThat(page.getByLabel("Dose (mg)")).hasValue(doseMg);
		page.getByLabel("Started at").fill(local(now.minusMinutes(60)));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record dose")).click();
		assertThat(page.locator(".notice[role='status']")).containsText("Pump rate " + pumpRate + " mL/h.");

		// 186/104 twenty minutes into the infusion: the severe alert, on the session and on the chair board.
		page.locator("#v-sbp").fill("186");
		page.locator("#v-dbp").fill("104");
		page.locator("#v-hr").fill("92");
		page.locator("#v-time").fill(now.minusMinutes(40).toLocalTime().withSecond(0).withNano(0).toString());
		page.locator("#v-rr").press("Enter");
		assertThat(page.locator(".notice[role='status']")).containsText("Alert");
		assertThat(page.locator("#open-alerts li[data-code='BLOOD_PRESSURE_SEVERE']")).isVisible();
		page.navigate("/board");
		com.microsoft.playwright.Locator row = page.locator("#board tr", new Page.LocatorOptions().setHasText(chair));
		assertThat(row).containsText("BLOOD_PRESSURE_SEVERE");
		assertThat(row).containsText("186/104");
		// The wall screen at the nurses' station: the front desk's view of the same board, full HD.
		Page wall = newPage(new Browser.NewContextOptions().setViewportSize(1920, 1080));
		signIn(wall, "frontdesk", ApiClient.DEMO_PASSWORD);
		wall.navigate("/board");
		assertThat(wall.locator("#board tr", new Page.LocatorOptions().setHasText(chair))).containsText("BLOOD_PRESSURE_SEVERE");
		assertThat(wall.locator("#board tr", new Page.LocatorOptions().setHasText(chair)).getByRole(AriaRole.LINK)).hasCount(0);
		assertThat(overflowingCards(wall)).isEmpty();
		screenshot(wall, "board-wall-screen");

		// The physician, on the tablet, records what was done; a recheck is back to safe.
		Page physician = newPage(new Browser.NewContextOptions().setViewportSize(820, 1180));
		signIn(physician, "physician", ApiClient.DEMO_PASSWORD);
		physician.navigate("/sessions/" + sessionId);
		physician.getByLabel("Action taken").fill("Infusion paused 5 minutes, rechecked, resumed at the same rate");
		physician.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Acknowledge alert")).click();
		assertThat(physician.locator("#open-alerts")).hasCount(0);
		assertThat(overflowingCards(physician)).isEmpty();
		page.navigate("/sessions/" + sessionId);
		page.locator("#v-sbp").fill("138");
		page.locator("#v-dbp").fill("86");
		page.locator("#v-spo2").fill("98");
		page.locator("#v-time").fill(now.minusMinutes(5).toLocalTime().withSecond(0).withNano(0).toString());
		page.locator("#v-rr").press("Enter");
		assertThat(page.locator(".notice[role='status']")).hasText("Reading recorded.");
		page.navigate("/board");
		row = page.locator("#board tr", new Page.LocatorOptions().setHasText(chair));
		assertThat(row).not().containsText("BLOOD_PRESSURE_SEVERE");
		assertThat(row).containsText("Waiting: Aldrete, vial remainder");

		// The infusion ended 20 minutes ago; Aldrete 10 and the vial's rest wasted under witness: home.
		ApiClient.Response wasted = api.post(nurseToken, "/api/v1/inventory/wastes", Map.of("product", VIAL, "lot", lot, "amountMg",
				new java.math.BigDecimal("200").subtract(new java.math.BigDecimal(doseMg)), "witnessUsername", "physician",
				"witnessPassword", ApiClient.DEMO_PASSWORD, "sessionId", sessionId));
		assertThat(wasted.status()).as(wasted.body()).isEqualTo(201);
		page.navigate("/sessions/" + sessionId);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record Aldrete")).click();
		assertThat(page.locator(".notice[role='status']")).hasText("ALDRETE recorded: 10.");
		assertThat(page.locator("#discharge-ready")).isVisible();
		page.locator("#escortConfirmed").check();
		page.locator("#dissociationResolved").check();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Discharge")).click();
		assertThat(page.locator("#session-status")).hasText("DISCHARGED");
		assertThat(page.locator("#note-draft").inputValue()).contains("BLOOD_PRESSURE_SEVERE", "Infusion paused 5 minutes");
		screenshot(page, "session-iv-alert-resolved");
	}

	/** What the check-in form is filled with: minutes before now, the escort and the pre-dose vital signs. */
	record Arrival(int checkedInMinutesAgo, int lastFoodMinutesAgo, int lastLiquidMinutesAgo, String escortName, String escortPhone,
			int sbp, int dbp, int hr, int spo2) {
	}

	/**
	 * Fills and sends the check-in form in the clinic's wall-clock time as the form shows it, and returns that "now" for the
	 * later times of the test.
	 */
	private LocalDateTime checkIn(Arrival arrival) {
		LocalDateTime now = LocalDateTime.parse(page.getByLabel("Checked in at").inputValue());
		page.getByLabel("Checked in at").fill(local(now.minusMinutes(arrival.checkedInMinutesAgo())));
		page.getByLabel("Last food").fill(local(now.minusMinutes(arrival.lastFoodMinutesAgo())));
		page.getByLabel("Last liquid").fill(local(now.minusMinutes(arrival.lastLiquidMinutesAgo())));
		page.getByLabel("Escort name").fill(arrival.escortName());
		page.getByLabel("Escort phone").fill(arrival.escortPhone());
		page.locator("#ci-sbp").fill(Integer.toString(arrival.sbp()));
		page.locator("#ci-dbp").fill(Integer.toString(arrival.dbp()));
		page.locator("#ci-hr").fill(Integer.toString(arrival.hr()));
		page.locator("#ci-spo2").fill(Integer.toString(arrival.spo2()));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check in")).click();
		return now;
	}

	private com.microsoft.playwright.Locator shelf(String lot) {
		return page.locator("#balances tr[data-lot='" + lot + "'] .units");
	}

	private static String local(LocalDateTime time) {
		return time.withSecond(0).withNano(0).toString();
	}
}
