package org.ketamineclinic.evaluation.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.ketamineclinic.evaluation.Decision;
import org.ketamineclinic.evaluation.Severity;

/**
 * Runs the rules for the facts' route and decides, in this order: INELIGIBLE if any finding is
 * ABSOLUTE (even when facts are missing: nothing missing could undo it); INCOMPLETE if a fact the
 * rules need is missing or out of date; ELIGIBLE_WITH_CAUTIONS if any finding is RELATIVE; else
 * ELIGIBLE. INFO findings never change the decision. Findings come ABSOLUTE, RELATIVE, INFO, and in
 * rule order within a severity.
 */
public final class EvaluationEngine {

	private final List<EvaluationRule> rules;

	public EvaluationEngine(List<EvaluationRule> rules) {
		Set<String> ids = new HashSet<>();
		for (EvaluationRule rule : rules) {
			if (!ids.add(rule.id())) {
				throw new IllegalArgumentException("two rules share the id " + rule.id());
			}
		}
		this.rules = List.copyOf(rules);
	}

	/** The engine with {@link StandardRules#all()}. */
	public static EvaluationEngine standard() {
		return new EvaluationEngine(StandardRules.all());
	}

	public List<EvaluationRule> rules() {
		return rules;
	}

	public EvaluationOutcome evaluate(EvaluationFacts facts, ClinicPolicy policy) {
		TrdStaging staging = TrdStaging.stage(facts.trials(), facts.today(), policy);
		List<Finding> findings = new ArrayList<>();
		for (EvaluationRule rule : rules) {
			if (rule.routes().contains(facts.route())) {
				findings.addAll(rule.apply(facts, policy));
			}
		}
		findings.sort(Comparator.comparing(Finding::severity));
		List<String> missing = MissingFacts.of(facts, policy);
		return new EvaluationOutcome(decide(findings, missing), staging.adequateFailedTrials(), staging.treatmentResistant(),
				findings, missing, staging.trials());
	}

	static Decision decide(List<Finding> findings, List<String> missing) {
		if (findings.stream().anyMatch(finding -> finding.severity() == Severity.ABSOLUTE)) {
			return Decision.INELIGIBLE;
		}
		if (!missing.isEmpty()) {
			return Decision.INCOMPLETE;
		}
		if (findings.stream().anyMatch(finding -> finding.severity() == Severity.RELATIVE)) {
			return Decision.ELIGIBLE_WITH_CAUTIONS;
		}
		return Decision.ELIGIBLE;
	}
}
