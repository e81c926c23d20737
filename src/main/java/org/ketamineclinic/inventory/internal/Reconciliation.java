package org.ketamineclinic.inventory.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.inventory.Product;

/**
 * One lot over one period, across every location: stock at the start plus what was received
 * equals what was dispensed, wasted, destroyed and returned plus what is on hand at the end. A
 * difference can only come from a count adjustment, which carries the explanation its discrepancy
 * was closed with; a discrepancy still open is listed as unexplained. Pure: built from the ledger
 * lines, no storage.
 *
 * <p>"Dispensed" is what left the shelf for patients less the remainder wasted or kept, so it is
 * the amount given: a 500 mg vial opened for a 35 mg dose, with 465 mg wasted, counts 35 mg
 * dispensed and 465 mg wasted. Wasted remainders are parts of units, so they carry no units.
 */
record Reconciliation(Product product, String lot, @Nullable LocalDate expiry, LocalDate from, LocalDate to,
		Amount opening, Amount received, Amount dispensed, Amount wasted, Amount destroyed, Amount returned, Amount onHand,
		Amount adjusted, List<Difference> differences, List<OpenDiscrepancy> openDiscrepancies) {

	record Amount(int units, BigDecimal amountMg) {

		static final Amount ZERO = new Amount(0, BigDecimal.ZERO);

		Amount {
			amountMg = Mg.plain(amountMg);
		}

		Amount plus(Amount other) {
			return new Amount(units + other.units, amountMg.add(other.amountMg));
		}

		Amount minus(Amount other) {
			return new Amount(units - other.units, amountMg.subtract(other.amountMg));
		}

		boolean isZero() {
			return units == 0 && amountMg.signum() == 0;
		}
	}

	/** One ledger line as the report needs it; a reversal keeps the type it reverses. */
	record Line(EntryType type, @Nullable EntryType reversesType, int quantityChange, BigDecimal amountMgChange,
			@Nullable BigDecimal remainderMg, Instant recordedAt, @Nullable String reason, @Nullable UUID discrepancyId) {

		EntryType heading() {
			return reversesType != null ? reversesType : type;
		}

		int sign() {
			return type == EntryType.REVERSAL ? -1 : 1;
		}

		Amount change() {
			return new Amount(quantityChange, amountMgChange);
		}

		Amount remainder() {
			return remainderMg == null ? Amount.ZERO : new Amount(0, remainderMg.multiply(BigDecimal.valueOf(sign())));
		}
	}

	/** A count adjustment inside the period and why it was made. */
	record Difference(Instant at, int units, BigDecimal mg, String explanation, @Nullable UUID discrepancyId) {
	}

	record OpenDiscrepancy(UUID id, Instant openedAt, int expectedQuantity, int countedQuantity, String status) {
	}

	/**
	 * @param from first day of the period, in the clinic's zone
	 * @param to last day of the period, inclusive
	 */
	static Reconciliation of(Product product, String lot, @Nullable LocalDate expiry, LocalDate from, LocalDate to,
			ZoneId zone, List<Line> lines, List<OpenDiscrepancy> open) {
		if (to.isBefore(from)) {
			throw new IllegalArgumentException("the period must not end before it starts");
		}
		Instant start = from.atStartOfDay(zone).toInstant();
		Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
		Amount opening = Amount.ZERO;
		Amount received = Amount.ZERO;
		Amount leftShelf = Amount.ZERO;
		Amount kept = Amount.ZERO;
		Amount wasted = Amount.ZERO;
		Amount destroyed = Amount.ZERO;
		Amount returned = Amount.ZERO;
		Amount adjusted = Amount.ZERO;
		Amount transfers = Amount.ZERO;
		List<Difference> differences = new ArrayList<>();
		for (Line line : lines) {
			if (line.recordedAt().isBefore(start)) {
				opening = opening.plus(line.change());
				continue;
			}
			if (!line.recordedAt().isBefore(end)) {
				continue;
			}
			switch (line.heading()) {
				case RECEIPT -> received = received.plus(line.change());
				case DISPENSATION -> leftShelf = leftShelf.minus(line.change());
				case KEPT -> kept = kept.plus(line.change());
				case WASTE -> wasted = wasted.plus(line.remainder());
				case DESTRUCTION -> destroyed = destroyed.minus(line.change());
				case RETURN -> returned = returned.minus(line.change());
				case TRANSFER_OUT, TRANSFER_IN -> transfers = transfers.plus(line.change());
				case ADJUSTMENT -> {
					adjusted = adjusted.plus(line.change());
					differences.add(new Difference(line.recordedAt(), line.quantityChange(), Mg.plain(line.amountMgChange()),
							line.reason() == null ? "" : line.reason(), line.discrepancyId()));
				}
				case COUNT, REVERSAL -> {
				}
			}
		}
		Amount dispensed = leftShelf.minus(kept).minus(wasted);
		Amount onHand = opening.plus(received).minus(leftShelf).plus(kept).minus(destroyed).minus(returned).plus(adjusted)
			.plus(transfers);
		return new Reconciliation(product, lot, expiry, from, to, opening, received, dispensed, wasted, destroyed, returned,
				onHand, adjusted, List.copyOf(differences), List.copyOf(open));
	}

	/** Opening plus received, less everything accounted for and on hand: nonzero only by count adjustments. */
	public Amount difference() {
		return opening.plus(received).minus(dispensed).minus(wasted).minus(destroyed).minus(returned).minus(onHand);
	}

	/** Every difference is a count adjustment with an explanation, and no discrepancy is still open. */
	public boolean balanced() {
		return difference().plus(adjusted).isZero() && differences.stream().noneMatch(d -> d.explanation().isBlank())
				&& openDiscrepancies.isEmpty();
	}
}
