package org.ketamineclinic.inventory.internal;

/** The kinds of ledger entry; a correction is a REVERSAL of one of the others, never an edit. */
enum EntryType {

	RECEIPT("Receipt"),
	DISPENSATION("Dispensation"),
	/** The unused part of an opened unit destroyed under witness; the unit already left the shelf. */
	WASTE("Witnessed waste"),
	/** The unused part of an opened unit put back on the shelf as one opened unit. */
	KEPT("Remainder kept"),
	TRANSFER_OUT("Transfer out"),
	TRANSFER_IN("Transfer in"),
	/** Sent back to the supplier or a reverse distributor. */
	RETURN("Return"),
	/** Expired or damaged stock destroyed under witness. */
	DESTRUCTION("Destruction"),
	/** What a count found; moves no stock. */
	COUNT("Count"),
	/** Brings the book to a count when its discrepancy is closed. */
	ADJUSTMENT("Count adjustment"),
	REVERSAL("Reversal");

	private final String label;

	EntryType(String label) {
		this.label = label;
	}

	String label() {
		return label;
	}

	/** Counts observe, adjustments belong to a closed discrepancy, and a reversal is not itself reversed. */
	boolean reversible() {
		return this != COUNT && this != ADJUSTMENT && this != REVERSAL;
	}
}
