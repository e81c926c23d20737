package org.ketamineclinic.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ketamineclinic.support.ClinicIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the database itself guarantees, whatever code runs against it: ledger rows cannot be
 * changed or removed, and no balance can go below zero.
 */
@ClinicIntegrationTest
class InventoryDatabaseTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void anUpdateOrDeleteOfALedgerRowIsRejectedByTheDatabase() {
		InventoryFixtures fx = new InventoryFixtures(port);
		String lot = InventoryFixtures.newLot();
		UUID entry = UUID.fromString(fx.receive("ESKETAMINE_28MG_DEVICE", lot, 6).get("id").asString());

		assertThatThrownBy(() -> jdbc.update("UPDATE inventory_entry SET quantity_change = 60 WHERE id = ?", entry))
			.isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.update("UPDATE inventory_entry SET reason = 'tidy up' WHERE id = ?", entry))
			.isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.update("DELETE FROM inventory_entry WHERE id = ?", entry))
			.isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.execute("TRUNCATE inventory_entry CASCADE"))
			.isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
		assertThat(jdbc.queryForObject("SELECT quantity_change FROM inventory_entry WHERE id = ?", Integer.class, entry))
			.isEqualTo(6);
		assertThat(fx.balance(lot, null).get("quantity").asInt()).isEqualTo(6);
		assertThat(fx.balance(lot, null).get("amountMg").asInt()).isEqualTo(168);
	}

	@Test
	void theBalanceTableRefusesANegativeStockEvenWrittenDirectly() {
		InventoryFixtures fx = new InventoryFixtures(port);
		String lot = InventoryFixtures.newLot();
		fx.receive("ESKETAMINE_28MG_DEVICE", lot, 2);

		assertThatThrownBy(() -> jdbc.update("UPDATE inventory_balance SET quantity = -1, amount_mg = 0 WHERE lot = ?", lot))
			.isInstanceOf(DataAccessException.class).hasMessageContaining("violates check constraint \"inventory_balance_");
		assertThatThrownBy(() -> jdbc.update("UPDATE inventory_balance SET amount_mg = -28 WHERE lot = ?", lot))
			.isInstanceOf(DataAccessException.class).hasMessageContaining("inventory_balance_amount_not_negative");
		assertThatThrownBy(() -> jdbc.update("UPDATE inventory_balance SET amount_mg = 57 WHERE lot = ?", lot))
			.as("two devices cannot hold more than 56 mg")
			.isInstanceOf(DataAccessException.class).hasMessageContaining("inventory_balance_amount_fits_units");
		// An entry written behind the application's back still moves the balance through the trigger and its checks.
		assertThatThrownBy(() -> jdbc.update("""
				INSERT INTO inventory_entry (id, clinic_id, entry_type, product, lot, location_id, quantity_change,
				  amount_mg_change, session_id, recorded_by_user_id, recorded_by, recorded_at)
				SELECT ?, clinic_id, 'DISPENSATION', product, lot, location_id, -3, -84, ?, ?, 'sql', now()
				FROM inventory_balance WHERE lot = ?""", UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), lot))
			.isInstanceOf(DataAccessException.class).hasMessageContaining("violates check constraint \"inventory_balance_");
		assertThat(fx.balance(lot, null).get("quantity").asInt()).isEqualTo(2);
	}
}
