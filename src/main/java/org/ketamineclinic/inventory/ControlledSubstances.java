package org.ketamineclinic.inventory;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What the session module asks of the ledger: which lots it may give from, the dispensation at the
 * administration step, and whether the opened units' remainder has been wasted under witness or
 * recorded as kept, which discharge requires. Calls run as the signed-in user, with the same
 * permission checks, clinic scoping and audit as the ledger's own pages and API.
 */
public interface ControlledSubstances {

	/** Lots of the product with stock on a shelf of the caller's clinic that have not expired, soonest expiry first. */
	List<LotInStock> lotsInStock(Product product);

	/**
	 * Takes whole units of a lot off the shelf for a session's administration. Refused with
	 * {@code Conflict} (409) when the lot has expired or the shelf holds too few units.
	 *
	 * @return the id of the dispensation entry
	 */
	UUID dispenseForSession(SessionDispensation dispensation);

	/**
	 * How the units dispensed for a session are accounted for, given the milligrams the session
	 * administered: the rest must be wasted under witness or kept before the patient is discharged.
	 */
	Remainder remainder(UUID sessionId, BigDecimal administeredMg);

	/**
	 * {@link #remainder} for many sessions in one query (the chair board asks for every chair every
	 * few seconds), keyed by session id.
	 *
	 * @param administeredMg the milligrams each session administered, by session id
	 */
	Map<UUID, Remainder> remainders(Map<UUID, BigDecimal> administeredMg);

	record LotInStock(Product product, String lot, LocalDate expiry, UUID locationId, String locationName, int quantity,
			BigDecimal amountMg) {
	}

	/** {@code locationId} null means the clinic's default location. */
	record SessionDispensation(UUID sessionId, UUID patientId, Product product, String lot, int quantity,
			@Nullable UUID locationId) {
	}

	record Remainder(UUID sessionId, RemainderState state, BigDecimal dispensedMg, BigDecimal administeredMg,
			BigDecimal wastedMg, BigDecimal keptMg, BigDecimal outstandingMg) {

		/** True when discharge may proceed as far as the ledger is concerned. */
		public boolean accountedFor() {
			return state == RemainderState.NOTHING_DISPENSED || state == RemainderState.ACCOUNTED;
		}
	}

	enum RemainderState {
		/** No unit was dispensed for the session. */
		NOTHING_DISPENSED,
		/** Administered plus wasted plus kept equals what was dispensed. */
		ACCOUNTED,
		/** Part of an opened unit is neither wasted nor kept yet. */
		OUTSTANDING,
		/** More was administered, wasted or kept than was dispensed: a record to correct. */
		OVER_ACCOUNTED
	}
}
