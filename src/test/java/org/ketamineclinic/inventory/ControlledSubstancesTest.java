package org.ketamineclinic.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.ketamineclinic.identity.ClinicId;
import org.ketamineclinic.identity.Role;
import org.ketamineclinic.identity.RunAs;
import org.ketamineclinic.platform.Conflict;
import org.ketamineclinic.support.ApiClient;
import org.ketamineclinic.support.ClinicIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The API the session module will call: lots in stock, the administration's dispensation, and the remainder rule of discharge. */
@ClinicIntegrationTest
class ControlledSubstancesTest {

	static final Product VIAL = Product.KETAMINE_10MG_PER_ML_20ML;

	@LocalServerPort
	int port;

	@Autowired
	ControlledSubstances substances;

	@Autowired
	JdbcTemplate jdbc;

	<T> T asNurse(Supplier<T> work) {
		ClinicId clinic = new ClinicId(jdbc.queryForObject("SELECT clinic_id FROM user_account WHERE username = 'nurse'",
				UUID.class));
		return RunAs.systemActor(clinic, "session-module", Role.NURSE, work);
	}

	@Test
	void aSessionDispensesFromALotInStockAndMustAccountForTheRemainderBeforeDischarge() {
		InventoryFixtures fx = new InventoryFixtures(port);
		String lot = InventoryFixtures.newLot();
		fx.receive(VIAL.name(), lot, 2);
		UUID patient = fx.patient();
		UUID session = UUID.randomUUID();

		assertThat(asNurse(() -> substances.lotsInStock(VIAL))).anySatisfy(l -> {
			assertThat(l.lot()).isEqualTo(lot);
			assertThat(l.quantity()).isEqualTo(2);
			assertThat(l.amountMg()).isEqualByComparingTo("400");
		});
		assertThat(asNurse(() -> substances.remainder(session, BigDecimal.ZERO)).state())
			.isEqualTo(ControlledSubstances.RemainderState.NOTHING_DISPENSED);

		UUID dispensation = asNurse(() -> substances.dispenseForSession(
				new ControlledSubstances.SessionDispensation(session, patient, VIAL, lot, 1, null)));
		assertThat(dispensation).isNotNull();
		ControlledSubstances.Remainder open = asNurse(() -> substances.remainder(session, new BigDecimal("35")));
		assertThat(open.state()).isEqualTo(ControlledSubstances.RemainderState.OUTSTANDING);
		assertThat(open.outstandingMg()).isEqualByComparingTo("165");
		assertThat(open.accountedFor()).isFalse();

		ApiClient.Response wasted = fx.api.post(fx.token("nurse"), "/api/v1/inventory/wastes", Map.of("product", VIAL.name(),
				"lot", lot, "amountMg", 100, "witnessUsername", "physician", "witnessPassword", ApiClient.DEMO_PASSWORD,
				"sessionId", session.toString()));
		assertThat(wasted.status()).isEqualTo(201);
		ApiClient.Response kept = fx.api.post(fx.token("nurse"), "/api/v1/inventory/kept-remainders", Map.of("product",
				VIAL.name(), "lot", lot, "amountMg", 65, "sessionId", session.toString()));
		assertThat(kept.status()).isEqualTo(201);
		ControlledSubstances.Remainder done = asNurse(() -> substances.remainder(session, new BigDecimal("35")));
		assertThat(done.state()).isEqualTo(ControlledSubstances.RemainderState.ACCOUNTED);
		assertThat(done.wastedMg()).isEqualByComparingTo("100");
		assertThat(done.keptMg()).isEqualByComparingTo("65");
		assertThat(done.accountedFor()).isTrue();
		assertThat(asNurse(() -> substances.remainder(session, new BigDecimal("50"))).state())
			.isEqualTo(ControlledSubstances.RemainderState.OVER_ACCOUNTED);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE patient_id = ? AND resource_type = "
				+ "'ControlledSubstanceDispensation'", Integer.class, patient)).as("the dispensation is audited").isEqualTo(1);
	}

	/** The chair board asks for every chair at once: one query gives what asking one session at a time gives. */
	@Test
	void remaindersOfManySessionsMatchTheRemainderOfEach() {
		InventoryFixtures fx = new InventoryFixtures(port);
		String lot = InventoryFixtures.newLot();
		fx.receive(VIAL.name(), lot, 3);
		UUID patient = fx.patient();
		UUID open = UUID.randomUUID();
		UUID wasted = UUID.randomUUID();
		UUID undispensed = UUID.randomUUID();
		asNurse(() -> substances.dispenseForSession(new ControlledSubstances.SessionDispensation(open, patient, VIAL, lot, 1, null)));
		asNurse(() -> substances.dispenseForSession(new ControlledSubstances.SessionDispensation(wasted, patient, VIAL, lot, 1, null)));
		assertThat(fx.api.post(fx.token("nurse"), "/api/v1/inventory/wastes", Map.of("product", VIAL.name(), "lot", lot, "amountMg",
				150, "witnessUsername", "physician", "witnessPassword", ApiClient.DEMO_PASSWORD, "sessionId", wasted.toString()))
			.status()).isEqualTo(201);
		Map<UUID, BigDecimal> given = Map.of(open, new BigDecimal("35"), wasted, new BigDecimal("50"), undispensed, BigDecimal.ZERO);

		Map<UUID, ControlledSubstances.Remainder> all = asNurse(() -> substances.remainders(given));

		assertThat(all).containsOnlyKeys(open, wasted, undispensed);
		assertThat(all.get(open).state()).isEqualTo(ControlledSubstances.RemainderState.OUTSTANDING);
		assertThat(all.get(open).outstandingMg()).isEqualByComparingTo("165");
		assertThat(all.get(wasted).state()).isEqualTo(ControlledSubstances.RemainderState.ACCOUNTED);
		assertThat(all.get(undispensed).state()).isEqualTo(ControlledSubstances.RemainderState.NOTHING_DISPENSED);
		given.forEach((session, mg) -> assertThat(all.get(session)).isEqualTo(asNurse(() -> substances.remainder(session, mg))));
		assertThatThrownBy(() -> asNurse(() -> substances.remainders(Map.of(open, new BigDecimal("-1")))))
			.isInstanceOfSatisfying(org.ketamineclinic.platform.InvalidInput.class,
					invalid -> assertThat(invalid.problems().get(0).message()).isEqualTo("must not be negative"));
	}

	@Test
	void expiredAndEmptyLotsAreNotOfferedAndCannotBeDispensed() {
		InventoryFixtures fx = new InventoryFixtures(port);
		String expired = InventoryFixtures.newLot();
		fx.receive(VIAL.name(), expired, 1);
		jdbc.update("UPDATE inventory_lot SET expiry = ? WHERE lot = ?", LocalDate.now().minusDays(2), expired);
		UUID patient = fx.patient();
		assertThat(asNurse(() -> substances.lotsInStock(VIAL))).noneMatch(l -> l.lot().equals(expired));
		assertThatThrownBy(() -> asNurse(() -> substances.dispenseForSession(new ControlledSubstances.SessionDispensation(
				UUID.randomUUID(), patient, VIAL, expired, 1, null)))).isInstanceOf(Conflict.class).hasMessageContaining("expired");
	}
}
