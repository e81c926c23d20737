package org.ketamineclinic.therapy.internal;

/** Preparation comes before a dosing session, integration after it; public for the templates. */
public enum TherapyType {
	PREPARATION("Preparation"), INTEGRATION("Integration");

	private final String label;

	TherapyType(String label) {
		this.label = label;
	}

	public String getLabel() {
		return label;
	}
}
