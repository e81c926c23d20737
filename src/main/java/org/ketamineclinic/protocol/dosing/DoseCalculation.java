package org.ketamineclinic.protocol.dosing;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A calculated dose. Units are in the names; rounding (half up): dosing weight and dose 0.1,
 * draw volume 0.01 mL, pump rate 0.1 mL/h, dose rate 0.001 mg/min.
 *
 * @param devices esketamine devices of 28 mg; null for racemic ketamine
 * @param hardStop true when any warning is a hard stop: the dose may not be given without an override
 */
public record DoseCalculation(BigDecimal dosingWeightKg, BigDecimal doseMg, @Nullable BigDecimal drawVolumeMl,
		@Nullable BigDecimal infusionRateMlPerHour, @Nullable BigDecimal doseRateMgPerMinute, @Nullable Integer devices,
		List<DoseWarning> warnings, boolean hardStop) {

	public DoseCalculation {
		warnings = List.copyOf(warnings);
	}

	public boolean has(DoseWarningCode code) {
		return warnings.stream().anyMatch(warning -> warning.code() == code);
	}
}
