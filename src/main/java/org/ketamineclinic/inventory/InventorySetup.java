package org.ketamineclinic.inventory;

import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Setting up a clinic's stock from other modules (the demo clinic, later imports): storage
 * locations and receipts, through the same checked, signed ledger entries people make.
 */
public interface InventorySetup {

	/** True when the caller's clinic has any storage location, i.e. its ledger has been set up. */
	boolean hasLocations();

	/** A storage location of the caller's clinic; the first one becomes the default. */
	UUID addLocation(String name);

	/** Records a receipt; {@code locationId} null means the default location. Returns the entry id. */
	UUID receive(Product product, String lot, LocalDate expiry, int quantity, String supplier, String invoice,
			@Nullable UUID locationId);
}
