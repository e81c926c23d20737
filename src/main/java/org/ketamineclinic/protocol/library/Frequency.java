package org.ketamineclinic.protocol.library;

/** How often maintenance sessions come. */
public enum Frequency {
	WEEKLY(7, "weekly"), EVERY_2_WEEKS(14, "every 2 weeks"), EVERY_3_WEEKS(21, "every 3 weeks"),
	EVERY_4_WEEKS(28, "every 4 weeks");

	private final int days;

	private final String label;

	Frequency(int days, String label) {
		this.days = days;
		this.label = label;
	}

	public int days() {
		return days;
	}

	public String label() {
		return label;
	}
}
