package org.ketamineclinic.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import org.ketamineclinic.identity.Accounts;
import org.ketamineclinic.identity.ClinicId;
import org.ketamineclinic.identity.Role;
import org.ketamineclinic.identity.RunAs;
import org.ketamineclinic.inventory.InventorySetup;
import org.ketamineclinic.inventory.Product;
import org.ketamineclinic.platform.ClinicTimeZone;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo clinic's controlled-substance stock: a safe and an infusion-room cabinet, and receipts
 * of each product, one lot expiring within three weeks so the balance overview shows its warning.
 * Seeded once, after the clinic, as signed receipts of the seeding actor.
 */
@Component
@Order(1)
@ConditionalOnProperty(name = "clinic.demo.enabled", havingValue = "true")
class DemoInventory implements ApplicationRunner {

	static final String SUPPLIER = "Demo Pharma Distribution";

	private final Accounts accounts;
	private final InventorySetup inventory;
	private final Clock clock;
	private final ClinicTimeZone zone;

	DemoInventory(Accounts accounts, InventorySetup inventory, Clock clock, ClinicTimeZone zone) {
		this.accounts = accounts;
		this.inventory = inventory;
		this.clock = clock;
		this.zone = zone;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!accounts.clinicExists(DemoClinic.NAME)) {
			return;
		}
		ClinicId clinic = accounts.createClinic(DemoClinic.NAME);
		RunAs.systemActor(clinic, DemoClinic.SEED_ACTOR, Role.PHYSICIAN, () -> {
			if (inventory.hasLocations()) {
				return null;
			}
			LocalDate today = LocalDate.now(clock.withZone(zone.zone()));
			UUID safe = inventory.addLocation("Main safe");
			UUID cabinet = inventory.addLocation("Infusion room cabinet");
			inventory.receive(Product.KETAMINE_50MG_PER_ML_10ML, "KH2403A", today.plusMonths(14), 20, SUPPLIER, "DPD-10021", safe);
			inventory.receive(Product.KETAMINE_50MG_PER_ML_10ML, "KH2403A", today.plusMonths(14), 4, SUPPLIER, "DPD-10022", cabinet);
			inventory.receive(Product.KETAMINE_10MG_PER_ML_20ML, "KT1187B", today.plusDays(20), 6, SUPPLIER, "DPD-10021", safe);
			inventory.receive(Product.KETAMINE_100MG_PER_ML_5ML, "KC0921", today.plusMonths(10), 10, SUPPLIER, "DPD-10023", safe);
			inventory.receive(Product.ESKETAMINE_28MG_DEVICE, "SPR5512", today.plusMonths(8), 30, "Janssen (REMS distributor)",
					"JNJ-88412", safe);
			return null;
		});
	}
}
