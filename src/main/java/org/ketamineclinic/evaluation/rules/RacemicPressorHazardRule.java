package org.ketamineclinic.evaluation.rules;

import java.util.List;
import java.util.Set;

import org.ketamineclinic.evaluation.Severity;
import org.ketamineclinic.patient.FindingStatus;
import org.ketamineclinic.patient.HistoryFindingCode;

/**
 * A condition where a rise in blood pressure would be a serious hazard under racemic ketamine.
 * ABSOLUTE while the clinic keeps it in {@link ClinicPolicy#racemicAbsoluteFindings()}, RELATIVE
 * once the clinic takes it out; overridable by a physician with a reason either way. The rule id
 * stays the same whichever severity the clinic chose, so acknowledgements keep referring to it.
 */
final class RacemicPressorHazardRule extends AbstractRule {

	private final HistoryFindingCode code;

	private final Set<FindingStatus> counts;

	RacemicPressorHazardRule(String id, HistoryFindingCode code, Set<FindingStatus> counts) {
		super(id, RACEMIC, Sources.RAC_PRESSOR_HAZARD);
		this.code = code;
		this.counts = Set.copyOf(counts);
	}

	HistoryFindingCode code() {
		return code;
	}

	Set<FindingStatus> counts() {
		return counts;
	}

	@Override
	List<Finding> check(EvaluationFacts facts, ClinicPolicy policy) {
		return facts.finding(code, counts).map(fact -> {
			boolean absolute = policy.racemicAbsoluteFindings().contains(code);
			String hazard = HistoryFindingRule.describe(fact)
					+ ": a rise in blood pressure under ketamine would be a serious hazard; ";
			return List.of(absolute
					? finding(Severity.ABSOLUTE, hazard + "racemic ketamine is contraindicated by clinic policy unless a "
							+ "physician overrides this with a documented reason.", false, true)
					: finding(Severity.RELATIVE, hazard + "this clinic treats it as a relative contraindication: a physician "
							+ "must weigh it and document the decision.", false, true));
		}).orElse(List.of());
	}
}
