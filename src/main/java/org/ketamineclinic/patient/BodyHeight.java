package org.ketamineclinic.patient;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.ketamineclinic.platform.InvalidInput;

/** Body height in centimetres, within physiological plausibility (clinical reference, section 6). */
public record BodyHeight(BigDecimal cm) {

	public static final BigDecimal MIN_CM = BigDecimal.valueOf(100);
	public static final BigDecimal MAX_CM = BigDecimal.valueOf(250);

	public BodyHeight {
		if (cm == null) {
			throw new InvalidInput("heightCm", "is required");
		}
		if (cm.compareTo(MIN_CM) < 0 || cm.compareTo(MAX_CM) > 0) {
			throw new InvalidInput("heightCm", "must be between 100 and 250 cm");
		}
		if (cm.stripTrailingZeros().scale() > 1) {
			throw new InvalidInput("heightCm", "use at most one decimal place");
		}
		cm = cm.setScale(1, RoundingMode.UNNECESSARY);
	}

	public static BodyHeight cm(double cm) {
		return new BodyHeight(BigDecimal.valueOf(cm));
	}
}
