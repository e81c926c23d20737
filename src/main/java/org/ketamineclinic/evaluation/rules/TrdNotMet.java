package org.ketamineclinic.evaluation.rules;

import java.util.List;

import org.ketamineclinic.evaluation.Indication;
import org.ketamineclinic.evaluation.Severity;

/**
 * Indication TRD but fewer than 2 adequate failed trials in the current episode: RELATIVE, because
 * treating under a TRD indication the chart does not support needs a documented physician decision
 * (and payers will refuse the prior authorisation). Silent when no trial is charted at all: the
 * engine then lists the trial history as missing, which makes the evaluation INCOMPLETE.
 */
final class TrdNotMet extends AbstractRule {

	TrdNotMet() {
		super("TRD_NOT_MET", ALL_ROUTES, Sources.TRD);
	}

	@Override
	List<Finding> check(EvaluationFacts facts, ClinicPolicy policy) {
		if (facts.indication() != Indication.TRD || facts.trials().isEmpty()) {
			return List.of();
		}
		TrdStaging staging = TrdStaging.stage(facts.trials(), facts.today(), policy);
		if (staging.treatmentResistant()) {
			return List.of();
		}
		int count = staging.adequateFailedTrials();
		return List.of(finding(Severity.RELATIVE, "Treatment resistance not established: " + count + " adequate failed "
				+ (count == 1 ? "trial" : "trials") + " in the current episode, " + TrdStaging.REQUIRED_FAILED_TRIALS
				+ " needed (adequate: adherent, at least " + policy.adequateTrialWeeks()
				+ " weeks, no or partial response). Chart further trials or record why treatment goes ahead.", false, true));
	}
}
