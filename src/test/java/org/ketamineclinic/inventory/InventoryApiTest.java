package org.ketamineclinic.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ketamineclinic.identity.Accounts;
import org.ketamineclinic.identity.ClinicId;
import org.ketamineclinic.identity.Role;
import org.ketamineclinic.support.ApiClient;
import org.ketamineclinic.support.ClinicIntegrationTest;
import org.ketamineclinic.support.Pdfs;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Every entry type of the ledger over HTTP, with the balances each one leaves. */
@ClinicIntegrationTest
class InventoryApiTest {

	static final String VIAL = "KETAMINE_50MG_PER_ML_10ML";

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Accounts accounts;

	InventoryFixtures fx;
	ApiClient api;
	String nurse;

	@BeforeEach
	void setUp() {
		fx = new InventoryFixtures(port);
		api = fx.api;
		nurse = fx.token("nurse");
	}

	@Test
	void productsCarryConcentrationVolumeAndMilligramsPerUnit() {
		JsonNode products = api.get(nurse, "/api/v1/inventory/products").json();
		Map<String, JsonNode> byCode = new HashMap<>();
		products.forEach(p -> byCode.put(p.get("code").asString(), p));
		assertThat(byCode).containsOnlyKeys("KETAMINE_10MG_PER_ML_20ML", VIAL, "KETAMINE_100MG_PER_ML_5ML",
				"ESKETAMINE_28MG_DEVICE");
		assertThat(byCode.get("KETAMINE_10MG_PER_ML_20ML").get("mgPerUnit").asInt()).isEqualTo(200);
		assertThat(byCode.get(VIAL).get("mgPerMl").asInt()).isEqualTo(50);
		assertThat(byCode.get(VIAL).get("volumeMl").asInt()).isEqualTo(10);
		assertThat(byCode.get("KETAMINE_100MG_PER_ML_5ML").get("mgPerUnit").asInt()).isEqualTo(500);
		assertThat(byCode.get("ESKETAMINE_28MG_DEVICE").get("mgPerUnit").asInt()).isEqualTo(28);
		assertThat(byCode.get("ESKETAMINE_28MG_DEVICE").get("unit").asString()).isEqualTo("device");
	}

	@Test
	void aReceiptPutsUnitsAndMilligramsOnTheShelfSignedByTheNurse() {
		String lot = InventoryFixtures.newLot();
		String expiry = LocalDate.now().plusMonths(8).toString();
		ApiClient.Response received = api.post(nurse, "/api/v1/inventory/receipts", Map.of("product", VIAL, "lot", lot,
				"expiry", expiry, "quantity", 6, "supplier", "Hikma", "invoice", "INV-77"));
		assertThat(received.status()).as(received.body()).isEqualTo(201);
		JsonNode entry = received.json();
		assertThat(entry.get("type").asString()).isEqualTo("RECEIPT");
		assertThat(entry.get("recordedBy").asString()).isEqualTo("nurse");
		assertThat(entry.get("supplier").asString()).isEqualTo("Hikma");
		assertThat(entry.get("invoice").asString()).isEqualTo("INV-77");
		assertThat(entry.get("quantityChange").asInt()).isEqualTo(6);
		assertThat(entry.get("amountMgChange").asInt()).isEqualTo(3000);

		JsonNode balance = fx.balance(lot, null);
		assertThat(balance.get("product").asString()).isEqualTo(VIAL);
		assertThat(balance.get("quantity").asInt()).isEqualTo(6);
		assertThat(balance.get("amountMg").asInt()).isEqualTo(3000);
		assertThat(balance.get("expiry").asString()).isEqualTo(expiry);
		assertThat(balance.get("warning").isNull()).isTrue();

		ApiClient.Response otherExpiry = api.post(nurse, "/api/v1/inventory/receipts", Map.of("product", VIAL, "lot", lot,
				"expiry", LocalDate.now().plusMonths(9).toString(), "quantity", 1, "supplier", "Hikma", "invoice", "INV-78"));
		assertThat(otherExpiry.status()).isEqualTo(400);
		assertThat(otherExpiry.body()).contains("expiry");
	}

	@Test
	void rejectsOutOfRangeInputWithEveryFieldNamed() {
		ApiClient.Response refused = api.post(nurse, "/api/v1/inventory/receipts", Map.of("product", "KETAMINE_ORAL",
				"lot", "", "expiry", LocalDate.now().minusDays(5).toString(), "quantity", 0, "supplier", "", "invoice", "x"));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		JsonNode errors = refused.json().get("errors");
		java.util.List<String> fields = new java.util.ArrayList<>();
		errors.forEach(e -> fields.add(e.get("field").asString()));
		assertThat(fields).contains("product", "lot", "quantity", "supplier", "expiry");
		assertThat(refused.body()).contains("must be one of").contains("expired stock");

		String lot = InventoryFixtures.newLot();
		fx.receive(VIAL, lot, 2);
		ApiClient.Response noPatient = api.post(nurse, "/api/v1/inventory/dispensations",
				Map.of("product", VIAL, "lot", lot, "quantity", 1));
		assertThat(noPatient.status()).isEqualTo(400);
		assertThat(noPatient.body()).contains("patientId");
		ApiClient.Response tooMany = api.post(nurse, "/api/v1/inventory/dispensations",
				Map.of("product", VIAL, "lot", lot, "quantity", 10_001, "patientId", fx.patient().toString()));
		assertThat(tooMany.status()).isEqualTo(400);
		assertThat(fx.balance(lot, null).get("quantity").asInt()).as("nothing stored").isEqualTo(2);
	}

	@Test
	void dispensingTakesUnitsOffTheShelfAndAnOverdrawGets409() {
		String lot = InventoryFixtures.newLot();
		fx.receive(VIAL, lot, 3);
		UUID patient = fx.patient();
		ApiClient.Response dispensed = fx.dispense(nurse, VIAL, lot, 2, patient);
		assertThat(dispensed.status()).as(dispensed.body()).isEqualTo(201);
		assertThat(dispensed.json().get("patientId").asString()).isEqualTo(patient.toString());
		assertThat(dispensed.json().get("quantityChange").asInt()).isEqualTo(-2);
		assertThat(fx.balance(lot, null).get("quantity").asInt()).isEqualTo(1);
		assertThat(fx.balance(lot, null).get("amountMg").asInt()).isEqualTo(500);

		ApiClient.Response overdraw = fx.dispense(nurse, VIAL, lot, 2, patient);
		assertThat(overdraw.status()).isEqualTo(409);
		assertThat(overdraw.json().get("detail").asString()).contains("Not enough stock");
		assertThat(fx.balance(lot, null).get("quantity").asInt()).isEqualTo(1);

		ApiClient.Response session = api.post(nurse, "/api/v1/inventory/dispensations", Map.of("product", VIAL, "lot", lot,
				"quantity", 1, "sessionId", UUID.randomUUID().toString()));
		assertThat(session.status()).as("a session id alone links the dispensation").isEqualTo(201);
		assertThat(fx.balance(lot, null).get("quantity").asInt()).isZero();
		assertThat(fx.dispense(nurse, VIAL, InventoryFixtures.newLot(), 1, patient).status()).as("a lot never received")
			.isEqualTo(409);
		assertThat(fx.dispense(nurse, VIAL, lot, 1, UUID.randomUUID()).status()).as("an unknown patient").isEqualTo(404);
	}

	@Test
	void anExpiredLotCannotBeDispensedButCanBeDestroyedUnderWitness() {
		String lot = InventoryFixtures.newLot();
		fx.receive(VIAL, lot, 4);
		// Time passes: the lot's expiry date is now behind us.
		jdbc.update("UPDATE inventory_lot SET expiry = ? WHERE lot = ?", LocalDate.now().minusDays(3), lot);
		assertThat(fx.balance(lot, null).get("warning").asString()).isEqualTo("EXPIRED");
		ApiClient.Response expired = fx.dispense(nurse, VIAL, lot, 1, fx.patient());
		assertThat(expired.status()).isEqualTo(409);
		assertThat(expired.json().get("detail").asString()).contains("expired");

		ApiClient.Response selfWitness = api.post(nurse, "/api/v1/inventory/destructions", Map.of("product", VIAL, "lot", lot,
				"quantity", 4, "reason", "expired", "witnessUsername", "nurse", "witnessPassword", ApiClient.DEMO_PASSWORD));
		assertThat(selfWitness.status()).isEqualTo(400);
		assertThat(selfWitness.body()).contains("second person");
		ApiClient.Response destroyed = api.post(nurse, "/api/v1/inventory/destructions", Map.of("product", VIAL, "lot", lot,
				"quantity", 4, "reason", "expired", "witnessUsername", "physician", "witnessPassword", ApiClient.DEMO_PASSWORD));
		assertThat(destroyed.status()).as(destroyed.body()).isEqualTo(201);
		assertThat(destroyed.json().get("witness").asString()).isEqualTo("physician");
		assertThat(fx.balance(lot, null).get("quantity").asInt()).isZero();
		assertThat(fx.balance(lot, null).get("amountMg").asInt()).isZero();
	}

	@Test
	void wasteOfAnOpenedVialNeedsASecondPersonsRealPassword() {
		String lot = InventoryFixtures.newLot();
		fx.receive(VIAL, lot, 2);
		UUID session = UUID.randomUUID();
		UUID patient = fx.patient();
		ApiClient.Response dispensed = api.post(nurse, "/api/v1/inventory/dispensations", Map.of("product", VIAL, "lot", lot,
				"quantity", 1, "sessionId", session.toString(), "patientId", patient.toString()));
		assertThat(dispensed.status()).isEqualTo(201);
		String witnessName = freshNurse();

		ApiClient.Response wrong = waste(lot, "465", witnessName, "not-the-password", session);
		assertThat(wrong.status()).isEqualTo(400);
		assertThat(wrong.body()).contains("witnessPassword");
		assertThat(failedAttempts(witnessName)).as("a wrong witness password counts towards lockout").isEqualTo(1);
		assertThat(waste(lot, "465", "nurse", ApiClient.DEMO_PASSWORD, session).status()).as("the actor as witness")
			.isEqualTo(400);
		assertThat(waste(lot, "465", "frontdesk", ApiClient.DEMO_PASSWORD, session).status()).as("front desk cannot witness")
			.isEqualTo(400);

		ApiClient.Response wasted = waste(lot, "465", witnessName, WITNESS_PASSWORD, session);
		assertThat(wasted.status()).as(wasted.body()).isEqualTo(201);
		JsonNode entry = wasted.json();
		assertThat(entry.get("type").asString()).isEqualTo("WASTE");
		assertThat(entry.get("witness").asString()).isEqualTo(witnessName);
		assertThat(entry.get("recordedBy").asString()).isEqualTo("nurse");
		assertThat(entry.get("remainderMg").asInt()).isEqualTo(465);
		assertThat(entry.get("dispensationId").asString()).isEqualTo(dispensed.json().get("id").asString());
		assertThat(entry.get("quantityChange").asInt()).as("the vial already left the shelf").isZero();
		assertThat(failedAttempts(witnessName)).as("a good password clears the failures").isZero();
		assertThat(fx.balance(lot, null).get("quantity").asInt()).isEqualTo(1);

		ApiClient.Response tooMuch = waste(lot, "36", witnessName, WITNESS_PASSWORD, session);
		assertThat(tooMuch.status()).as("only 35 mg of the vial is unaccounted").isEqualTo(409);
		assertThat(jdbc.queryForObject("SELECT witness_user_id <> recorded_by_user_id FROM inventory_entry WHERE id = ?",
				Boolean.class, UUID.fromString(entry.get("id").asString()))).isTrue();
	}

	@Test
	void aKeptRemainderGoesBackOnTheShelfAsOneOpenedVial() {
		String lot = InventoryFixtures.newLot();
		fx.receive(VIAL, lot, 1);
		UUID session = UUID.randomUUID();
		api.post(nurse, "/api/v1/inventory/dispensations", Map.of("product", VIAL, "lot", lot, "quantity", 1, "sessionId",
				session.toString()));
		ApiClient.Response kept = api.post(nurse, "/api/v1/inventory/kept-remainders", Map.of("product", VIAL, "lot", lot,
				"amountMg", 300, "sessionId", session.toString()));
		assertThat(kept.status()).as(kept.body()).isEqualTo(201);
		JsonNode balance = fx.balance(lot, null);
		assertThat(balance.get("quantity").asInt()).isEqualTo(1);
		assertThat(balance.get("amountMg").asInt()).isEqualTo(300);
		ApiClient.Response fullVial = fx.dispense(nurse, VIAL, lot, 1, fx.patient());
		assertThat(fullVial.status()).as("the shelf holds 300 mg, not a full 500 mg vial").isEqualTo(409);
		ApiClient.Response partial = api.post(nurse, "/api/v1/inventory/dispensations", Map.of("product", VIAL, "lot", lot,
				"quantity", 1, "amountMg", 300, "patientId", fx.patient().toString()));
		assertThat(partial.status()).as(partial.body()).isEqualTo(201);
		assertThat(fx.balance(lot, null).get("amountMg").asInt()).isZero();
	}

	@Test
	void transfersMoveStockBetweenLocationsAndReturnsTakeItOff() {
		String lot = InventoryFixtures.newLot();
		String safe = api.post(fx.token("physician"), "/api/v1/inventory/locations",
				Map.of("name", "Safe " + lot)).json().get("id").asString();
		String room = api.post(fx.token("physician"), "/api/v1/inventory/locations",
				Map.of("name", "Infusion room " + lot)).json().get("id").asString();
		fx.receive(VIAL, lot, 5, safe);
		ApiClient.Response moved = api.post(nurse, "/api/v1/inventory/transfers", Map.of("product", VIAL, "lot", lot,
				"quantity", 3, "fromLocationId", safe, "toLocationId", room));
		assertThat(moved.status()).as(moved.body()).isEqualTo(201);
		assertThat(moved.json().get(0).get("type").asString()).isEqualTo("TRANSFER_OUT");
		assertThat(moved.json().get(1).get("type").asString()).isEqualTo("TRANSFER_IN");
		assertThat(fx.balance(lot, safe).get("quantity").asInt()).isEqualTo(2);
		assertThat(fx.balance(lot, room).get("quantity").asInt()).isEqualTo(3);
		assertThat(fx.balance(lot, room).get("amountMg").asInt()).isEqualTo(1500);
		assertThat(api.post(nurse, "/api/v1/inventory/transfers", Map.of("product", VIAL, "lot", lot, "quantity", 3,
				"fromLocationId", safe, "toLocationId", room)).status()).as("only 2 left in the safe").isEqualTo(409);

		ApiClient.Response returned = api.post(nurse, "/api/v1/inventory/returns", Map.of("product", VIAL, "lot", lot,
				"quantity", 1, "supplier", "Hikma", "reason", "recalled batch", "locationId", room));
		assertThat(returned.status()).as(returned.body()).isEqualTo(201);
		assertThat(fx.balance(lot, room).get("quantity").asInt()).isEqualTo(2);
		assertThat(api.post(nurse, "/api/v1/inventory/returns", Map.of("product", VIAL, "lot", lot, "quantity", 1,
				"supplier", "Hikma", "locationId", room)).status()).as("a return needs a reason").isEqualTo(400);
	}

	@Test
	void aMistakeIsCorrectedByAReversingEntryWithAReasonOnce() {
		String lot = InventoryFixtures.newLot();
		JsonNode receipt = fx.receive(VIAL, lot, 4);
		UUID patient = fx.patient();
		JsonNode dispensed = fx.dispense(nurse, VIAL, lot, 1, patient).json();
		String dispensationId = dispensed.get("id").asString();

		assertThat(api.post(nurse, "/api/v1/inventory/entries/" + dispensationId + "/reversal", Map.of()).status())
			.as("a reason is required").isEqualTo(400);
		ApiClient.Response reversed = api.post(nurse, "/api/v1/inventory/entries/" + dispensationId + "/reversal",
				Map.of("reason", "dispensed against the wrong patient"));
		assertThat(reversed.status()).as(reversed.body()).isEqualTo(201);
		JsonNode reversal = reversed.json().get(0);
		assertThat(reversal.get("type").asString()).isEqualTo("REVERSAL");
		assertThat(reversal.get("reversesType").asString()).isEqualTo("DISPENSATION");
		assertThat(reversal.get("reversesEntryId").asString()).isEqualTo(dispensationId);
		assertThat(reversal.get("quantityChange").asInt()).isEqualTo(1);
		assertThat(fx.balance(lot, null).get("quantity").asInt()).isEqualTo(4);
		assertThat(api.post(nurse, "/api/v1/inventory/entries/" + dispensationId + "/reversal",
				Map.of("reason", "again")).status()).as("reversed once only").isEqualTo(409);

		fx.dispense(nurse, VIAL, lot, 3, patient);
		ApiClient.Response receiptReversal = api.post(nurse, "/api/v1/inventory/entries/" + receipt.get("id").asString()
				+ "/reversal", Map.of("reason", "wrong quantity"));
		assertThat(receiptReversal.status()).as("3 of the 4 vials are gone: reversing the receipt would go negative")
			.isEqualTo(409);
		JsonNode original = api.get(nurse, "/api/v1/inventory/entries?lot=" + lot + "&type=DISPENSATION").json();
		assertThat(original.size()).as(original.toString() + " the original and its reversal stay in the ledger").isEqualTo(3);
	}

	@Test
	void aCountThatDiffersOpensADiscrepancyThatIsInvestigatedAndClosed() {
		String lot = InventoryFixtures.newLot();
		fx.receive(VIAL, lot, 5);
		ApiClient.Response matching = api.post(nurse, "/api/v1/inventory/counts", Map.of("product", VIAL, "lot", lot,
				"countedQuantity", 5, "kind", "SCHEDULED"));
		assertThat(matching.status()).as(matching.body()).isEqualTo(201);
		assertThat(matching.json().get("discrepancyId").isNull()).isTrue();
		assertThat(matching.json().get("entry").get("countKind").asString()).isEqualTo("SCHEDULED");

		ApiClient.Response short1 = api.post(nurse, "/api/v1/inventory/counts", Map.of("product", VIAL, "lot", lot,
				"countedQuantity", 4));
		assertThat(short1.status()).isEqualTo(201);
		JsonNode count = short1.json();
		assertThat(count.get("expectedQuantity").asInt()).isEqualTo(5);
		assertThat(count.get("difference").asInt()).isEqualTo(-1);
		String id = count.get("discrepancyId").asString();
		assertThat(fx.balance(lot, null).get("quantity").asInt()).as("a count moves no stock").isEqualTo(5);

		String physician = fx.token("physician");
		assertThat(api.post(physician, "/api/v1/inventory/discrepancies/" + id + "/close",
				Map.of("explanation", "x")).status()).as("investigate first").isEqualTo(409);
		assertThat(api.post(nurse, "/api/v1/inventory/discrepancies/" + id + "/investigation",
				Map.of("note", "Checked the sharps bin and the log")).status()).isEqualTo(200);
		assertThat(api.post(nurse, "/api/v1/inventory/discrepancies/" + id + "/close",
				Map.of("explanation", "x")).status()).as("a nurse does not close").isEqualTo(403);
		assertThat(api.post(physician, "/api/v1/inventory/discrepancies/" + id + "/close", Map.of()).status())
			.as("an explanation is required").isEqualTo(400);
		ApiClient.Response closed = api.post(physician, "/api/v1/inventory/discrepancies/" + id + "/close",
				Map.of("explanation", "Vial broken during transfer, not recorded", "reportable", true));
		assertThat(closed.status()).as(closed.body()).isEqualTo(200);
		JsonNode discrepancy = closed.json();
		assertThat(discrepancy.get("status").asString()).isEqualTo("CLOSED");
		assertThat(discrepancy.get("reportable").asBoolean()).isTrue();
		assertThat(discrepancy.get("closedBy").asString()).isEqualTo("physician");
		assertThat(discrepancy.get("notes").get(0).get("writtenBy").asString()).isEqualTo("nurse");
		assertThat(fx.balance(lot, null).get("quantity").asInt()).as("the book follows the count").isEqualTo(4);
		assertThat(api.post(physician, "/api/v1/inventory/discrepancies/" + id + "/close",
				Map.of("explanation", "again")).status()).isEqualTo(409);

		JsonNode report = api.get(nurse, "/api/v1/inventory/reconciliation?product=" + VIAL + "&lot=" + lot).json();
		assertThat(report.get("received").get("units").asInt()).isEqualTo(5);
		assertThat(report.get("onHand").get("units").asInt()).isEqualTo(4);
		assertThat(report.get("difference").get("units").asInt()).isEqualTo(1);
		assertThat(report.get("differences").get(0).get("explanation").asString()).contains("Vial broken");
		assertThat(report.get("balanced").asBoolean()).isTrue();
	}

	@Test
	void reconciliationAccountsForEveryMilligramAndExportsCsvAndPdf() {
		String lot = InventoryFixtures.newLot();
		fx.receive(VIAL, lot, 4);
		UUID patient = fx.patient();
		UUID session = UUID.randomUUID();
		api.post(nurse, "/api/v1/inventory/dispensations", Map.of("product", VIAL, "lot", lot, "quantity", 1,
				"sessionId", session.toString(), "patientId", patient.toString()));
		assertThat(waste(lot, "465", "physician", ApiClient.DEMO_PASSWORD, session).status()).isEqualTo(201);
		api.post(nurse, "/api/v1/inventory/returns", Map.of("product", VIAL, "lot", lot, "quantity", 1, "supplier", "Hikma",
				"reason", "damaged carton"));
		api.post(nurse, "/api/v1/inventory/counts", Map.of("product", VIAL, "lot", lot, "countedQuantity", 1));

		JsonNode report = api.get(nurse, "/api/v1/inventory/reconciliation?product=" + VIAL + "&lot=" + lot).json();
		assertThat(report.get("received").get("amountMg").asInt()).isEqualTo(2000);
		assertThat(report.get("dispensed").get("amountMg").asInt()).as("given: 500 - 465").isEqualTo(35);
		assertThat(report.get("wasted").get("amountMg").asInt()).isEqualTo(465);
		assertThat(report.get("returned").get("amountMg").asInt()).isEqualTo(500);
		assertThat(report.get("onHand").get("amountMg").asInt()).isEqualTo(1000);
		assertThat(report.get("difference").get("amountMg").asInt()).isZero();
		assertThat(report.get("openDiscrepancies").size()).as("the count found 1 of 2").isEqualTo(1);
		assertThat(report.get("balanced").asBoolean()).isFalse();
		ApiClient.Response bad = api.get(nurse, "/api/v1/inventory/reconciliation?product=" + VIAL + "&lot=" + lot
				+ "&from=2026-12-01&to=2026-11-01");
		assertThat(bad.status()).isEqualTo(400);

		ApiClient.Response csv = api.get(nurse, "/api/v1/inventory/reconciliation?product=" + VIAL + "&lot=" + lot, "text/csv");
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.contentType()).startsWith("text/csv");
		assertThat(csv.body()).contains("Received,4,2000").contains("Wasted under witness,,465")
			.contains("Dispensed (given),1,35").contains("On hand at end,2,1000");
		byte[] pdf = Pdfs.bytes(port, nurse, "/api/v1/inventory/reconciliation?format=pdf&product=" + VIAL
				+ "&lot=" + lot);
		assertThat(Pdfs.text(pdf)).contains("Controlled-substance reconciliation").contains(lot).contains("465");

		JsonNode log = api.get(nurse, "/api/v1/inventory/dispensing-log?patientId=" + patient).json();
		assertThat(log.size()).isEqualTo(1);
		assertThat(log.get(0).get("wastedMg").asInt()).isEqualTo(465);
		assertThat(log.get(0).get("witnesses").asString()).isEqualTo("physician");
		ApiClient.Response lotLog = api.get(nurse, "/api/v1/inventory/dispensing-log?product=" + VIAL + "&lot=" + lot
				+ "&format=csv");
		assertThat(lotLog.body()).contains(patient.toString()).contains(session.toString());
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE patient_id = ? AND resource_type = ?",
				Integer.class, patient, "ControlledSubstanceDispensingLog")).as("both log reads audited").isEqualTo(2);
	}

	static final String WITNESS_PASSWORD = "witness-password-123";

	String freshNurse() {
		ClinicId clinic = new ClinicId(jdbc.queryForObject("SELECT clinic_id FROM user_account WHERE username = 'nurse'",
				UUID.class));
		String username = "witness-" + Long.toString(System.nanoTime(), 36);
		accounts.createAccount(clinic, new Accounts.NewAccount(username, "Wanda Witness", Role.NURSE, null, WITNESS_PASSWORD),
				"inventory-tests");
		return username;
	}

	int failedAttempts(String username) {
		return jdbc.queryForObject("SELECT failed_attempts FROM user_account WHERE username = ?", Integer.class, username);
	}

	ApiClient.Response waste(String lot, String mg, String witness, String password, UUID session) {
		return api.post(nurse, "/api/v1/inventory/wastes", Map.of("product", VIAL, "lot", lot, "amountMg", mg,
				"witnessUsername", witness, "witnessPassword", password, "sessionId", session.toString()));
	}
}
