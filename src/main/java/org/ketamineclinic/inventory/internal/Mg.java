package org.ketamineclinic.inventory.internal;

import java.math.BigDecimal;

/** Milligram amounts as people read them: 500 rather than 500.000 or 5E+2. */
final class Mg {

	private Mg() {
	}

	static BigDecimal plain(BigDecimal mg) {
		BigDecimal stripped = mg.stripTrailingZeros();
		return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
	}
}
