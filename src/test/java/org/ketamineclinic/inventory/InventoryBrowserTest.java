package org.ketamineclinic.inventory;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.ketamineclinic.support.ApiClient;
import org.ketamineclinic.support.BrowserTest;
import org.ketamineclinic.support.ClinicIntegrationTest;

/**
 * A nurse's shift on the ledger page: receive a lot, dispense a vial against a patient, waste the
 * unused part with a physician witnessing on the same screen, then count short, which opens a
 * discrepancy that she investigates and a physician closes with an explanation.
 */
@ClinicIntegrationTest
class InventoryBrowserTest extends BrowserTest {

	static final String VIAL = "KETAMINE_50MG_PER_ML_10ML";

	Locator balanceRow(String lot) {
		return page.locator("#balances tr[data-lot='" + lot + "']");
	}

	void button(String name) {
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name)).click();
	}

	@Test
	void receiveDispenseWitnessedWasteAndACountWithADiscrepancy() {
		UUID patient = new InventoryFixtures(port).patient();
		String lot = InventoryFixtures.newLot();
		signIn("nurse");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ledger")).click();
		assertThat(page).hasURL(Pattern.compile(".*/inventory$"));
		assertThat(page.locator("#balances")).containsText("KT1187B");
		assertThat(page.locator("#balances tr[data-lot='KT1187B']")).containsText("expires in");

		page.locator("#r-product").selectOption(VIAL);
		page.locator("#r-lot").fill(lot);
		page.locator("#r-expiry").fill(LocalDate.now().plusYears(1).toString());
		page.locator("#r-quantity").fill("5");
		page.locator("#r-supplier").fill("Hikma");
		page.locator("#r-invoice").fill("INV-B1");
		button("Record receipt");
		assertThat(page.locator(".notice")).containsText("Received 5 of lot " + lot);
		assertThat(balanceRow(lot).locator(".units")).hasText("5");
		assertThat(balanceRow(lot).locator(".mg")).hasText("2500");

		page.locator("#d-product").selectOption(VIAL);
		page.locator("#d-lot").fill(lot);
		page.locator("#d-quantity").fill("1");
		page.locator("#d-patient").fill(patient.toString());
		button("Record dispensation");
		assertThat(page.locator(".notice")).containsText("Dispensed 1 of lot " + lot);
		assertThat(balanceRow(lot).locator(".units")).hasText("4");

		page.locator("#w-product").selectOption(VIAL);
		page.locator("#w-lot").fill(lot);
		page.locator("#w-amount").fill("465");
		page.locator("#w-witness").fill("physician");
		page.locator("#w-password").fill("wrong-password");
		button("Record waste");
		assertThat(page.locator(".problem")).containsText("witnessPassword");
		page.locator("#w-product").selectOption(VIAL);
		page.locator("#w-lot").fill(lot);
		page.locator("#w-amount").fill("465");
		page.locator("#w-witness").fill("physician");
		page.locator("#w-password").fill(ApiClient.DEMO_PASSWORD);
		button("Record waste");
		assertThat(page.locator(".notice")).containsText("Wasted 465 mg of lot " + lot + ", witnessed by physician");
		assertThat(page.locator("#entries tr[data-type='WASTE']").first()).containsText("witness physician");
		assertThat(balanceRow(lot).locator(".units")).hasText("4"); // the vial had already left the shelf

		page.locator("#c-product").selectOption(VIAL);
		page.locator("#c-lot").fill(lot);
		page.locator("#c-counted").fill("3");
		button("Record count");
		assertThat(page).hasURL(Pattern.compile(".*/inventory/discrepancies/[0-9a-f-]{36}$"));
		String discrepancy = page.url();
		assertThat(page.locator(".problem")).containsText("a discrepancy is open");
		assertThat(page.locator("#expected")).hasText("4");
		assertThat(page.locator("#counted")).hasText("3");
		assertThat(page.locator("#status")).hasText("OPEN");
		page.locator("#note").fill("Searched the safe and the sharps container; nothing found");
		button("Record note");
		assertThat(page.locator("#status")).hasText("INVESTIGATING");
		assertThat(page.locator("#close-form")).hasCount(0);
		assertThat(page.locator("main")).containsText("A physician or administrator closes");
		assertThat(overflowingCards(page)).isEmpty();

		page.context().clearCookies();
		signIn("physician");
		page.navigate(discrepancy);
		page.locator("#explanation-input").fill("Vial dropped and broken during the count; not recorded at the time");
		page.getByLabel("Reportable loss (DEA Form 106)").check();
		button("Close discrepancy");
		assertThat(page.locator("#status")).hasText("CLOSED");
		assertThat(page.locator("#explanation")).containsText("Vial dropped");
		assertThat(page.locator("#reportable")).hasText("Yes");

		page.navigate("/inventory");
		assertThat(balanceRow(lot).locator(".units")).hasText("3"); // the book follows the count
		page.navigate("/inventory/reconciliation?product=" + VIAL + "&lot=" + lot);
		assertThat(page.locator("main")).containsText("balanced, every difference explained");
		assertThat(page.locator("main")).containsText("Vial dropped");
		assertThat(page.locator("main")).containsText("465");
		screenshot(page, "inventory-reconciliation");
		assertThat(overflowingCards(page)).isEmpty();
	}
}
