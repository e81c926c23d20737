package org.ketamineclinic.evaluation.rules;

import java.util.List;

import org.ketamineclinic.evaluation.Severity;

/**
 * Esketamine is not approved under 18 years: ABSOLUTE and regulatory. Without a birth date the
 * rule cannot judge and stays silent; the engine lists the birth date as missing instead.
 */
final class EsketamineMinimumAge extends AbstractRule {

	static final int MINIMUM_AGE = 18;

	EsketamineMinimumAge() {
		super("ESK_AGE_UNDER_18", ESKETAMINE, Sources.ESK_PEDIATRIC);
	}

	@Override
	List<Finding> check(EvaluationFacts facts, ClinicPolicy policy) {
		return facts.ageInYears()
			.filter(age -> age < MINIMUM_AGE)
			.map(age -> List.of(finding(Severity.ABSOLUTE, "Patient is " + age + " years old: esketamine is not approved "
					+ "under " + MINIMUM_AGE + " years; its safety and effectiveness in children have not been established.",
					true, false)))
			.orElse(List.of());
	}
}
