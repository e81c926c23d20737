package org.ketamineclinic.patient;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.ketamineclinic.platform.InvalidInput;

/** Body weight in kilograms, within physiological plausibility (clinical reference, section 6). */
public record BodyWeight(BigDecimal kg) {

	public static final BigDecimal MIN_KG = BigDecimal.valueOf(25);
	public static final BigDecimal MAX_KG = BigDecimal.valueOf(350);

	public BodyWeight {
		if (kg == null) {
			throw new InvalidInput("weightKg", "is required");
		}
		if (kg.compareTo(MIN_KG) < 0 || kg.compareTo(MAX_KG) > 0) {
			throw new InvalidInput("weightKg", "must be between 25 and 350 kg");
		}
		if (kg.stripTrailingZeros().scale() > 1) {
			throw new InvalidInput("weightKg", "use at most one decimal place");
		}
		kg = kg.setScale(1, RoundingMode.UNNECESSARY);
	}

	public static BodyWeight kg(double kg) {
		return new BodyWeight(BigDecimal.valueOf(kg));
	}
}
