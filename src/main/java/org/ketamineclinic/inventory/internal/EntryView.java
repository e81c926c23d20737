package org.ketamineclinic.inventory.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One ledger entry as the API and pages show it. {@code quantityChange} and
 * {@code amountMgChange} are what the entry did to the shelf at {@code locationId};
 * {@code remainderMg} is the part of an opened unit a waste or kept remainder accounts for.
 */
record EntryView(UUID id, long seq, String type, String typeLabel, @Nullable String reversesType,
		@Nullable UUID reversesEntryId, @Nullable UUID reversedBy, String product, String lot, @Nullable UUID locationId,
		@Nullable String locationName, int quantityChange, BigDecimal amountMgChange, @Nullable BigDecimal remainderMg,
		@Nullable UUID dispensationId, @Nullable UUID patientId, @Nullable UUID sessionId, @Nullable UUID transferId,
		@Nullable String supplier, @Nullable String invoice, @Nullable String witness, @Nullable String countKind,
		@Nullable Integer countedQuantity, @Nullable Integer expectedQuantity, @Nullable UUID discrepancyId,
		@Nullable String reason, String recordedBy, Instant recordedAt) {

	public boolean reversible() {
		return reversedBy == null && EntryType.valueOf(type).reversible();
	}
}
