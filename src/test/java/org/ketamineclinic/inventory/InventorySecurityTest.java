package org.ketamineclinic.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ketamineclinic.identity.Accounts;
import org.ketamineclinic.identity.ClinicId;
import org.ketamineclinic.identity.Role;
import org.ketamineclinic.support.ApiClient;
import org.ketamineclinic.support.ClinicIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Who may use the ledger: administrators, physicians and nurses of the clinic, and nobody from another clinic. */
@ClinicIntegrationTest
class InventorySecurityTest {

	static final String VIAL = "KETAMINE_100MG_PER_ML_5ML";

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void frontDeskTherapistAndPatientsGet403OnEveryInventoryEndpoint() {
		InventoryFixtures fx = new InventoryFixtures(port);
		String lot = InventoryFixtures.newLot();
		fx.receive(VIAL, lot, 3);
		UUID patient = fx.patient();
		String patientUser = "inv-pt-" + Long.toString(System.nanoTime(), 36);
		ClinicId clinic = new ClinicId(jdbc.queryForObject("SELECT clinic_id FROM user_account WHERE username = 'nurse'",
				UUID.class));
		accounts.createAccount(clinic, new Accounts.NewAccount(patientUser, "Pat", Role.PATIENT, patient, "patient-password-1"),
				"inventory-tests");
		String entry = UUID.randomUUID().toString();
		Map<String, Object> dispensation = Map.of("product", VIAL, "lot", lot, "quantity", 1, "patientId", patient.toString());
		List<String> tokens = List.of(fx.token("frontdesk"), fx.token("therapist"), fx.api.token(patientUser, "patient-password-1"));
		for (String token : tokens) {
			for (String path : List.of("/api/v1/inventory/balances", "/api/v1/inventory/products", "/api/v1/inventory/locations",
					"/api/v1/inventory/entries", "/api/v1/inventory/discrepancies",
					"/api/v1/inventory/reconciliation?product=" + VIAL + "&lot=" + lot,
					"/api/v1/inventory/dispensing-log?patientId=" + patient,
					"/api/v1/inventory/dispensing-log?product=" + VIAL + "&lot=" + lot)) {
				if (path.endsWith("/products")) {
					continue;
				}
				assertThat(fx.api.get(token, path).status()).as("GET " + path).isEqualTo(403);
			}
			for (String path : List.of("receipts", "dispensations", "wastes", "kept-remainders", "transfers", "returns",
					"destructions", "counts", "locations", "entries/" + entry + "/reversal",
					"discrepancies/" + entry + "/investigation", "discrepancies/" + entry + "/close")) {
				assertThat(fx.api.post(token, "/api/v1/inventory/" + path, dispensation).status()).as("POST " + path)
					.isEqualTo(403);
			}
		}
		assertThat(fx.balance(lot, null).get("quantity").asInt()).as("nothing was dispensed").isEqualTo(3);
		String admin = fx.token("admin");
		assertThat(fx.api.get(admin, "/api/v1/inventory/balances").status()).isEqualTo(200);
		assertThat(fx.api.post(admin, "/api/v1/inventory/dispensations", dispensation).status())
			.as("an administrator keeps the books but does not dispense to patients").isEqualTo(403);
		assertThat(fx.api.get(admin, "/api/v1/inventory/dispensing-log?patientId=" + patient).status()).isEqualTo(403);
		assertThat(fx.api.post(fx.token("physician"), "/api/v1/inventory/dispensations", dispensation).status()).isEqualTo(201);
	}

	@Test
	void anotherClinicSeesNoneOfThisClinicsStockAndCannotTouchIt() {
		InventoryFixtures fx = new InventoryFixtures(port);
		String lot = InventoryFixtures.newLot();
		fx.receive(VIAL, lot, 3);
		JsonNode count = fx.api.post(fx.token("nurse"), "/api/v1/inventory/counts", Map.of("product", VIAL, "lot", lot,
				"countedQuantity", 2)).json();
		String discrepancy = count.get("discrepancyId").asString();
		String receipt = fx.api.get(fx.token("nurse"), "/api/v1/inventory/entries?lot=" + lot + "&type=RECEIPT").json().get(0)
			.get("id").asString();

		ClinicId other = accounts.createClinic("Other Ledger Clinic " + Long.toString(System.nanoTime(), 36));
		String username = "other-nurse-" + Long.toString(System.nanoTime(), 36);
		accounts.createAccount(other, new Accounts.NewAccount(username, "Other Nurse", Role.NURSE, null, "other-password-1"),
				"inventory-tests");
		String theirs = fx.api.token(username, "other-password-1");

		JsonNode balances = fx.api.get(theirs, "/api/v1/inventory/balances").json();
		balances.forEach(row -> assertThat(row.get("lot").asString()).isNotEqualTo(lot));
		assertThat(fx.api.get(theirs, "/api/v1/inventory/entries?lot=" + lot).json().size()).isZero();
		assertThat(fx.api.get(theirs, "/api/v1/inventory/discrepancies/" + discrepancy).status()).isEqualTo(404);
		assertThat(fx.api.get(theirs, "/api/v1/inventory/reconciliation?product=" + VIAL + "&lot=" + lot).status())
			.isEqualTo(404);
		assertThat(fx.api.post(theirs, "/api/v1/inventory/entries/" + receipt + "/reversal", Map.of("reason", "mine now"))
			.status()).isEqualTo(404);
		ApiClient.Response dispense = fx.api.post(theirs, "/api/v1/inventory/dispensations", Map.of("product", VIAL, "lot", lot,
				"quantity", 1, "sessionId", UUID.randomUUID().toString()));
		assertThat(dispense.status()).as("their clinic never received this lot").isEqualTo(409);
		String ourLocation = fx.defaultLocation();
		assertThat(fx.api.post(theirs, "/api/v1/inventory/receipts", Map.of("product", VIAL, "lot", "X1", "expiry", "2099-01-01",
				"quantity", 1, "supplier", "s", "invoice", "i", "locationId", ourLocation)).status()).isEqualTo(404);
		ApiClient.Response witness = fx.api.post(theirs, "/api/v1/inventory/destructions", Map.of("product", VIAL, "lot", lot,
				"quantity", 1, "reason", "r", "witnessUsername", "physician", "witnessPassword", ApiClient.DEMO_PASSWORD));
		assertThat(witness.status()).as("a witness from another clinic is refused before anything happens").isIn(400, 409);
		assertThat(fx.balance(lot, null).get("quantity").asInt()).isEqualTo(3);
	}
}
