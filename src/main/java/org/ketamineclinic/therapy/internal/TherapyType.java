package org.ketamineclinic.therapy.internal;

/** Preparation comes before a dosing session, integration after it. */
enum TherapyType {
	PREPARATION("Preparation"), INTEGRATION("Integration");

	private final String label;

	TherapyType(String label) {
		this.label = label;
	}

	String label() {
		return label;
	}
}
