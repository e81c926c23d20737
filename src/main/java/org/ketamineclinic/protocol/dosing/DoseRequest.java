package org.ketamineclinic.protocol.dosing;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.evaluation.Route;
import org.ketamineclinic.patient.DosingWeight;
import org.ketamineclinic.patient.SexAtBirth;

/**
 * What to calculate, as the API receives it ({@code POST /api/v1/dosing/calculate}). Give exactly
 * one of {@code doseMgPerKg} and {@code doseMg}; {@code dosingWeight} defaults to ACTUAL.
 */
public record DoseRequest(@Nullable Route route, @Nullable BigDecimal weightKg, @Nullable BigDecimal heightCm,
		@Nullable SexAtBirth sexAtBirth, @Nullable DosingWeight dosingWeight, @Nullable BigDecimal doseMgPerKg,
		@Nullable BigDecimal doseMg, @Nullable Integer infusionMinutes, @Nullable BigDecimal vialConcentrationMgPerMl,
		@Nullable BigDecimal bagVolumeMl) {
}
