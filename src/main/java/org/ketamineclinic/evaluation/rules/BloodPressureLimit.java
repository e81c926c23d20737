package org.ketamineclinic.evaluation.rules;

import org.ketamineclinic.evaluation.rules.EvaluationFacts.BloodPressure;

/** A systolic/diastolic limit in mmHg; either number alone crossing its limit counts. */
public record BloodPressureLimit(int systolic, int diastolic) {

	public BloodPressureLimit {
		if (systolic <= 0 || diastolic <= 0 || diastolic >= systolic) {
			throw new IllegalArgumentException("a blood pressure limit needs 0 < diastolic < systolic, got " + systolic + "/"
					+ diastolic);
		}
	}

	/** Systolic or diastolic at or above the limit. */
	public boolean reachedBy(BloodPressure pressure) {
		return pressure.sbp() >= systolic || pressure.dbp() >= diastolic;
	}

	/** Systolic or diastolic strictly above the limit. */
	public boolean exceededBy(BloodPressure pressure) {
		return pressure.sbp() > systolic || pressure.dbp() > diastolic;
	}

	@Override
	public String toString() {
		return systolic + "/" + diastolic + " mmHg";
	}
}
