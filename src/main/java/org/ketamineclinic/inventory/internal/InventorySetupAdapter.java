package org.ketamineclinic.inventory.internal;

import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.inventory.InventorySetup;
import org.ketamineclinic.inventory.Product;
import org.springframework.stereotype.Component;

@Component
class InventorySetupAdapter implements InventorySetup {

	private final Locations locations;
	private final Ledger ledger;

	InventorySetupAdapter(Locations locations, Ledger ledger) {
		this.locations = locations;
		this.ledger = ledger;
	}

	@Override
	public boolean hasLocations() {
		return !locations.list().isEmpty();
	}

	@Override
	public UUID addLocation(String name) {
		return locations.create(new Locations.NewLocation(name)).id();
	}

	@Override
	public UUID receive(Product product, String lot, LocalDate expiry, int quantity, String supplier, String invoice,
			@Nullable UUID locationId) {
		return ledger.receive(new Ledger.ReceiptRequest(product.name(), lot, expiry.toString(), quantity, supplier, invoice,
				locationId)).id();
	}
}
