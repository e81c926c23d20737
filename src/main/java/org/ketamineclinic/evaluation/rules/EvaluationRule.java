package org.ketamineclinic.evaluation.rules;

import java.util.List;
import java.util.Set;

import org.ketamineclinic.evaluation.Route;

/** One eligibility rule: a stable id, the routes it applies to, its source, and what it finds. */
public interface EvaluationRule {

	/** Stable id such as {@code ESK_ABS_ANEURYSM}; findings, acknowledgements and overrides carry it. */
	String id();

	Set<Route> routes();

	/** Where the rule comes from, ending in its flag: (REG), (EVID) or (POLICY). */
	String source();

	/** The findings for these facts: none when the rule does not apply to the facts' route or does not fire. */
	List<Finding> apply(EvaluationFacts facts, ClinicPolicy policy);
}
