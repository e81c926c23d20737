package org.ketamineclinic.protocol.dosing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.protocol.library.DoseUnit;

/**
 * What the calculator knows about the patient and the course beyond the numbers of one dose, for
 * the warnings that need it. Every part is optional: a warning whose facts are missing is not raised.
 *
 * @param weightMeasuredAt when the weight used was recorded; older than {@code maxWeightAgeDays} before {@code doseAt} warns
 * @param protocolMaxDose the protocol's maximum in {@code protocolDoseUnit}
 * @param requires56Before84 the esketamine label's 84 mg only after a 56 mg start (TRD)
 * @param earlierDosesMg the doses of the course's earlier sessions, in mg
 * @param olderAdultStartsAt28 the clinic follows the 28 mg start at 65 and over
 */
public record DoseContext(@Nullable Instant weightMeasuredAt, @Nullable Instant doseAt, int maxWeightAgeDays,
		@Nullable BigDecimal protocolMaxDose, @Nullable DoseUnit protocolDoseUnit, boolean requires56Before84,
		List<BigDecimal> earlierDosesMg, @Nullable Integer ageYears, boolean olderAdultStartsAt28) {

	public static final int DEFAULT_MAX_WEIGHT_AGE_DAYS = 30;

	public static final DoseContext NONE = new DoseContext(null, null, DEFAULT_MAX_WEIGHT_AGE_DAYS, null, null, false, List.of(),
			null, false);

	public DoseContext {
		earlierDosesMg = List.copyOf(earlierDosesMg);
	}

	boolean firstOfCourse() {
		return earlierDosesMg.isEmpty();
	}
}
