package org.ketamineclinic.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.ketamineclinic.support.ClinicIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Many nurses dispensing from one shelf at once: the balance stays exact and the extras get 409. */
@ClinicIntegrationTest
class InventoryConcurrencyTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void hundredConcurrentDispensationsAgainstTenVialsGiveExactlyTenSuccesses() throws Exception {
		InventoryFixtures fx = new InventoryFixtures(port);
		String lot = InventoryFixtures.newLot();
		fx.receive("KETAMINE_10MG_PER_ML_20ML", lot, 10);
		UUID patient = fx.patient();
		String nurse = fx.token("nurse");
		String physician = fx.token("physician");
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(100);
		List<Future<Integer>> calls = new ArrayList<>();
		try {
			for (int i = 0; i < 100; i++) {
				String token = i % 2 == 0 ? nurse : physician;
				calls.add(pool.submit(() -> {
					start.await();
					return fx.dispense(token, "KETAMINE_10MG_PER_ML_20ML", lot, 1, patient).status();
				}));
			}
			start.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> call : calls) {
				statuses.add(call.get());
			}
			assertThat(statuses).filteredOn(status -> status == 201).hasSize(10);
			assertThat(statuses).filteredOn(status -> status == 409).hasSize(90);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(fx.balance(lot, null).get("quantity").asInt()).isZero();
		assertThat(fx.balance(lot, null).get("amountMg").asInt()).isZero();
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM inventory_entry WHERE lot = ? AND entry_type = 'DISPENSATION'",
				Integer.class, lot)).isEqualTo(10);
		assertThat(jdbc.queryForObject("SELECT SUM(quantity_change) FROM inventory_entry WHERE lot = ?", Integer.class, lot))
			.as("the ledger and the balance agree").isZero();
	}
}
