package org.ketamineclinic.protocol.library;

/** How a protocol states its doses: racemic ketamine by dosing weight, esketamine in fixed mg (28 mg devices). */
public enum DoseUnit {
	MG_PER_KG("mg/kg"), MG("mg");

	private final String symbol;

	DoseUnit(String symbol) {
		this.symbol = symbol;
	}

	public String symbol() {
		return symbol;
	}
}
