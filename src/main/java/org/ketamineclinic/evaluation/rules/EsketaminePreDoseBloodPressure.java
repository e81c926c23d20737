package org.ketamineclinic.evaluation.rules;

import java.util.List;

import org.ketamineclinic.evaluation.Severity;

/**
 * A baseline blood pressure above the esketamine limit (140/90 on the label): a prompt to weigh
 * delaying treatment, not a hard stop, so RELATIVE and regulatory. Either number above its limit
 * counts (140/91 fires, 140/90 does not).
 */
final class EsketaminePreDoseBloodPressure extends AbstractRule {

	EsketaminePreDoseBloodPressure() {
		super("ESK_PREDOSE_BP_ELEVATED", ESKETAMINE, Sources.ESK_BLOOD_PRESSURE);
	}

	@Override
	List<Finding> check(EvaluationFacts facts, ClinicPolicy policy) {
		EvaluationFacts.BloodPressure pressure = facts.bloodPressure();
		BloodPressureLimit limit = policy.esketaminePreDoseLimit();
		if (pressure == null || !limit.exceededBy(pressure)) {
			return List.of();
		}
		return List.of(finding(Severity.RELATIVE, "Baseline blood pressure " + pressure + " is above " + limit
				+ ": esketamine raises blood pressure for about 4 hours; weigh delaying treatment until it is controlled.",
				true, true));
	}
}
