package org.ketamineclinic.evaluation.rules;

import java.util.List;
import java.util.Objects;

import org.ketamineclinic.evaluation.rules.EvaluationFacts.TrialFact;

/**
 * The adequacy judgement of one antidepressant trial, as printed on a prior authorisation.
 *
 * @param trial the trial as charted
 * @param weeks whole weeks from start to end, or to today while it goes on
 * @param adequateFailure true when it counts towards treatment resistance
 * @param reasons why it counts ("adequate: no response after 8 weeks") or every reason it does not
 * ("other episode", "stopped for intolerance", "responded", "not adherent", "too short: 3 weeks of 6")
 */
public record TrialAdequacy(TrialFact trial, long weeks, boolean adequateFailure, List<String> reasons) {

	public TrialAdequacy {
		Objects.requireNonNull(trial, "trial");
		reasons = List.copyOf(reasons);
		if (reasons.isEmpty()) {
			throw new IllegalArgumentException("a trial adequacy judgement needs a reason");
		}
	}

	/** The reasons in one line, as printed. */
	public String reason() {
		return String.join("; ", reasons);
	}
}
