package org.ketamineclinic.evaluation;

/** What the treatment is for. */
public enum Indication {
	/** Treatment-resistant depression: at least 2 adequate failed trials in the current episode. */
	TRD("Treatment-resistant depression"),
	/** Major depressive disorder with acute suicidal ideation or behaviour. */
	MDSI("Major depression with acute suicidal ideation or behaviour"),
	OTHER("Other indication");

	private final String label;

	Indication(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
