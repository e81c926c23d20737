package org.ketamineclinic.evaluation.rules;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.ketamineclinic.evaluation.Decision;

/**
 * What the engine concluded: the decision, the TRD staging with every trial's adequacy judgement,
 * the findings (ABSOLUTE, then RELATIVE, then INFO) and, in plain words, each missing fact.
 */
public record EvaluationOutcome(Decision decision, int adequateFailedTrials, boolean treatmentResistant,
		List<Finding> findings, List<String> missing, List<TrialAdequacy> trials) {

	public EvaluationOutcome {
		Objects.requireNonNull(decision, "decision");
		findings = List.copyOf(findings);
		missing = List.copyOf(missing);
		trials = List.copyOf(trials);
	}

	/** The finding of this rule, if it fired. */
	public Optional<Finding> finding(String ruleId) {
		return findings.stream().filter(finding -> finding.ruleId().equals(ruleId)).findFirst();
	}

	public List<String> ruleIds() {
		return findings.stream().map(Finding::ruleId).toList();
	}
}
