package org.ketamineclinic.evaluation;

/** How the drug is given. IV and IM racemic ketamine share the racemic rules. */
public enum Route {
	IV_KETAMINE("Intravenous racemic ketamine", true),
	IM_KETAMINE("Intramuscular racemic ketamine", true),
	IN_ESKETAMINE("Intranasal esketamine", false);

	private final String label;

	private final boolean racemic;

	Route(String label, boolean racemic) {
		this.label = label;
		this.racemic = racemic;
	}

	public String label() {
		return label;
	}

	/** True for racemic ketamine (IV, IM), false for esketamine. */
	public boolean racemic() {
		return racemic;
	}
}
