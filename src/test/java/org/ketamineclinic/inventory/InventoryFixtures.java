package org.ketamineclinic.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.ketamineclinic.support.ApiClient;
import tools.jackson.databind.JsonNode;

/**
 * Ledger data the inventory tests make for themselves: each test uses lots no other test uses, so
 * balances in the shared database are the test's own. Demo staff tokens are issued once per JVM.
 */
final class InventoryFixtures {

	private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
	private static final AtomicLong LOTS = new AtomicLong(System.nanoTime() % 1_000_000);

	final ApiClient api;

	InventoryFixtures(int port) {
		this.api = new ApiClient(port);
	}

	String token(String username) {
		return TOKENS.computeIfAbsent(username, api::token);
	}

	static String newLot() {
		return "T" + LOTS.incrementAndGet() + "-" + Long.toString(System.nanoTime() % 100_000, 36).toUpperCase();
	}

	JsonNode receive(String product, String lot, int quantity) {
		return receive(product, lot, quantity, null);
	}

	JsonNode receive(String product, String lot, int quantity, String locationId) {
		Map<String, Object> body = new HashMap<>(Map.of("product", product, "lot", lot, "expiry",
				LocalDate.now().plusYears(1).toString(), "quantity", quantity, "supplier", "Test Supplier", "invoice", "INV-" + lot));
		if (locationId != null) {
			body.put("locationId", locationId);
		}
		ApiClient.Response received = api.post(token("nurse"), "/api/v1/inventory/receipts", body);
		assertThat(received.status()).as(received.body()).isEqualTo(201);
		return received.json();
	}

	UUID patient() {
		ApiClient.Response created = api.post(token("nurse"), "/api/v1/patients", Map.of("givenName", "Ledger",
				"familyName", "Patient" + Long.toString(System.nanoTime(), 36), "birthDate", "1980-02-03", "sexAtBirth", "MALE"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return UUID.fromString(created.json().get("id").asString());
	}

	ApiClient.Response dispense(String token, String product, String lot, int quantity, UUID patientId) {
		return api.post(token, "/api/v1/inventory/dispensations",
				Map.of("product", product, "lot", lot, "quantity", quantity, "patientId", patientId.toString()));
	}

	/** The balance row of a lot at a location (the default one when null), or null when there is none. */
	JsonNode balance(String lot, String locationId) {
		for (JsonNode row : api.get(token("nurse"), "/api/v1/inventory/balances").json()) {
			if (row.get("lot").asString().equals(lot) && (locationId == null ? defaultLocation().equals(
					row.get("locationId").asString()) : row.get("locationId").asString().equals(locationId))) {
				return row;
			}
		}
		return null;
	}

	String defaultLocation() {
		for (JsonNode location : api.get(token("nurse"), "/api/v1/inventory/locations").json()) {
			if (location.get("isDefault").asBoolean()) {
				return location.get("id").asString();
			}
		}
		throw new IllegalStateException("no default location");
	}
}
