package org.ketamineclinic.session.internal;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.platform.FieldChecks;

/**
 * One set of vital signs. Every value given must be physiologically plausible (clinical reference
 * section 6); an implausible one is refused with 400, never clamped or stored.
 */
record VitalSigns(@Nullable Integer sbp, @Nullable Integer dbp, @Nullable Integer hr, @Nullable Integer spo2, @Nullable Integer rr) {

	/** Checks every value, naming each field under {@code prefix} (such as {@code vitals.}), and throws 400 with all of them. */
	static VitalSigns checked(String prefix, @Nullable Integer sbp, @Nullable Integer dbp, @Nullable Integer hr,
			@Nullable Integer spo2, @Nullable Integer rr, boolean predose) {
		FieldChecks checks = new FieldChecks();
		if (predose) {
			checks.require(prefix + "sbp", sbp).require(prefix + "dbp", dbp).require(prefix + "hr", hr).require(prefix + "spo2", spo2);
		}
		else if (sbp == null && dbp == null && hr == null && spo2 == null && rr == null) {
			checks.rule(false, prefix + "sbp", "a reading needs at least one value");
		}
		checks.rule((sbp == null) == (dbp == null), prefix + (sbp == null ? "sbp" : "dbp"), "systolic and diastolic go together");
		range(checks, prefix + "sbp", sbp, 50, 300);
		range(checks, prefix + "dbp", dbp, 20, 200);
		checks.rule(sbp == null || dbp == null || dbp < sbp, prefix + "dbp", "must be below the systolic pressure");
		range(checks, prefix + "hr", hr, 20, 250);
		range(checks, prefix + "spo2", spo2, 50, 100);
		range(checks, prefix + "rr", rr, 2, 60);
		checks.throwIfAny();
		return new VitalSigns(sbp, dbp, hr, spo2, rr);
	}

	private static void range(FieldChecks checks, String field, @Nullable Integer value, int min, int max) {
		checks.rule(value == null || (value >= min && value <= max), field, "must be from " + min + " to " + max);
	}

	boolean hasBloodPressure() {
		return sbp != null && dbp != null;
	}
}
