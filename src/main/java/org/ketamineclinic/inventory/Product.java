package org.ketamineclinic.inventory;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * What the clinic stocks: racemic ketamine vials (milligrams of ketamine base per millilitre and
 * the vial's volume) and esketamine nasal-spray devices. The migration's inventory_product table
 * holds the same values, because the database derives milligram balances from them.
 */
public enum Product {

	KETAMINE_10MG_PER_ML_20ML("Ketamine 10 mg/mL, 20 mL vial", "vial", new BigDecimal("10"), new BigDecimal("20")),
	KETAMINE_50MG_PER_ML_10ML("Ketamine 50 mg/mL, 10 mL vial", "vial", new BigDecimal("50"), new BigDecimal("10")),
	KETAMINE_100MG_PER_ML_5ML("Ketamine 100 mg/mL, 5 mL vial", "vial", new BigDecimal("100"), new BigDecimal("5")),
	ESKETAMINE_28MG_DEVICE("Esketamine 28 mg nasal spray device", "device", null, null);

	private static final BigDecimal ESKETAMINE_DEVICE_MG = new BigDecimal("28");

	private final String label;
	private final String unit;
	private final @Nullable BigDecimal mgPerMl;
	private final @Nullable BigDecimal volumeMl;

	Product(String label, String unit, @Nullable BigDecimal mgPerMl, @Nullable BigDecimal volumeMl) {
		this.label = label;
		this.unit = unit;
		this.mgPerMl = mgPerMl;
		this.volumeMl = volumeMl;
	}

	public String label() {
		return label;
	}

	/** What one unit of stock is: a vial or a device. */
	public String unit() {
		return unit;
	}

	public @Nullable BigDecimal mgPerMl() {
		return mgPerMl;
	}

	public @Nullable BigDecimal volumeMl() {
		return volumeMl;
	}

	/** Milligrams in one full unit: concentration times volume, or 28 mg for an esketamine device. */
	public BigDecimal mgPerUnit() {
		return mgPerMl == null || volumeMl == null ? ESKETAMINE_DEVICE_MG : mgPerMl.multiply(volumeMl);
	}

	public boolean esketamine() {
		return this == ESKETAMINE_28MG_DEVICE;
	}
}
