package org.ketamineclinic.evaluation.rules;

import java.util.List;

import org.ketamineclinic.evaluation.Indication;
import org.ketamineclinic.evaluation.Severity;

/**
 * Indication OTHER: INFO that the use lies outside the esketamine label (TRD, MDSI) and outside
 * the strongest evidence for racemic ketamine (non-psychotic major depressive episodes).
 */
final class IndicationOutsideEvidence extends AbstractRule {

	IndicationOutsideEvidence() {
		super("INDICATION_OTHER", ALL_ROUTES, Sources.INDICATION);
	}

	@Override
	List<Finding> check(EvaluationFacts facts, ClinicPolicy policy) {
		if (facts.indication() != Indication.OTHER) {
			return List.of();
		}
		String message = facts.route().racemic()
				? "Indication other than depression: the strongest evidence for racemic ketamine is in non-psychotic major "
						+ "depressive episodes; make the off-label use and the evidence part of informed consent."
				: "Indication other than TRD or MDSI: esketamine is approved only for those; this is off-label use.";
		return List.of(finding(Severity.INFO, message, !facts.route().racemic(), false));
	}
}
