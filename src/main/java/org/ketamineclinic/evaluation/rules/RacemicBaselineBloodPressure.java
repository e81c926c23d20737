package org.ketamineclinic.evaluation.rules;

import java.util.List;

import org.ketamineclinic.evaluation.Severity;

/**
 * A baseline blood pressure at or above the clinic's racemic limit (180/100 by default; either
 * number counts): ABSOLUTE by clinic policy, overridable by a physician with a reason.
 */
final class RacemicBaselineBloodPressure extends AbstractRule {

	RacemicBaselineBloodPressure() {
		super("RAC_ABS_BASELINE_BP", RACEMIC, Sources.RAC_BLOOD_PRESSURE);
	}

	@Override
	List<Finding> check(EvaluationFacts facts, ClinicPolicy policy) {
		EvaluationFacts.BloodPressure pressure = facts.bloodPressure();
		BloodPressureLimit limit = policy.ivPreDoseBloodPressureLimit();
		if (pressure == null || !limit.reachedBy(pressure)) {
			return List.of();
		}
		return List.of(finding(Severity.ABSOLUTE, "Baseline blood pressure " + pressure + " is at or above the clinic limit of "
				+ limit + ": ketamine raises blood pressure; control it before treatment, or a physician must override "
				+ "with a documented reason.", false, true));
	}
}
