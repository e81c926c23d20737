package org.ketamineclinic.patient;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.jspecify.annotations.Nullable;

/**
 * BMI and the dosing weights of clinical reference section 5: Devine ideal body weight and
 * adjusted body weight (IBW + 0.4 x (actual - IBW)). Ideal weight needs a sex at birth of female
 * or male; for other values it is left empty rather than guessed.
 */
public record BodyMeasures(@Nullable BigDecimal weightKg, @Nullable BigDecimal heightCm, @Nullable BigDecimal bmi,
		@Nullable BigDecimal idealBodyWeightKg, @Nullable BigDecimal adjustedBodyWeightKg) {

	private static final BigDecimal CM_PER_INCH = new BigDecimal("2.54");
	private static final BigDecimal INCHES_BASE = BigDecimal.valueOf(60);
	private static final BigDecimal KG_PER_INCH = new BigDecimal("2.3");
	private static final BigDecimal MALE_BASE_KG = BigDecimal.valueOf(50);
	private static final BigDecimal FEMALE_BASE_KG = new BigDecimal("45.5");
	private static final BigDecimal ADJUSTMENT_FACTOR = new BigDecimal("0.4");

	public static BodyMeasures of(@Nullable BodyWeight weight, @Nullable BodyHeight height, SexAtBirth sex) {
		BigDecimal kg = weight == null ? null : weight.kg();
		BigDecimal cm = height == null ? null : height.cm();
		BigDecimal bmi = kg == null || cm == null ? null : bmi(kg, cm);
		BigDecimal ideal = cm == null ? null : idealBodyWeight(cm, sex);
		BigDecimal adjusted = ideal == null || kg == null ? null
				: ideal.add(ADJUSTMENT_FACTOR.multiply(kg.subtract(ideal))).setScale(1, RoundingMode.HALF_UP);
		return new BodyMeasures(kg, cm, bmi, ideal, adjusted);
	}

	static BigDecimal bmi(BigDecimal kg, BigDecimal cm) {
		BigDecimal metres = cm.divide(BigDecimal.valueOf(100));
		return kg.divide(metres.multiply(metres), 1, RoundingMode.HALF_UP);
	}

	static @Nullable BigDecimal idealBodyWeight(BigDecimal cm, SexAtBirth sex) {
		BigDecimal base = switch (sex) {
			case MALE -> MALE_BASE_KG;
			case FEMALE -> FEMALE_BASE_KG;
			case OTHER, UNKNOWN -> null;
		};
		if (base == null) {
			return null;
		}
		BigDecimal inchesOver60 = cm.divide(CM_PER_INCH, 6, RoundingMode.HALF_UP).subtract(INCHES_BASE);
		return base.add(KG_PER_INCH.multiply(inchesOver60)).setScale(1, RoundingMode.HALF_UP);
	}
}
