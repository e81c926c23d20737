package org.ketamineclinic.evaluation.rules;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.ketamineclinic.evaluation.Indication;
import org.ketamineclinic.evaluation.rules.EvaluationFacts.BaselineScale;

/** The facts the rules need that the chart lacks or has only out of date, in plain words. */
final class MissingFacts {

	private MissingFacts() {
	}

	static List<String> of(EvaluationFacts facts, ClinicPolicy policy) {
		List<String> missing = new ArrayList<>();
		if (facts.birthDate() == null) {
			missing.add("date of birth");
		}
		BigDecimal weight = facts.weightKg();
		Instant weighed = facts.weightMeasuredAt();
		if (weight == null) {
			missing.add("body weight");
		}
		else if (weighed == null) {
			missing.add("body weight with the date it was measured");
		}
		else if (facts.daysSince(weighed) > policy.maxWeightAgeDays()) {
			missing.add("a body weight from the last " + policy.maxWeightAgeDays() + " days (the latest, from "
					+ date(weighed) + ", is " + facts.daysSince(weighed) + " days old)");
		}
		if (facts.bloodPressure() == null) {
			missing.add("baseline blood pressure");
		}
		BaselineScale scale = facts.baselineDepressionScale();
		if (scale == null) {
			missing.add("baseline depression rating (such as PHQ-9 or MADRS)");
		}
		else if (facts.daysSince(scale.completedAt()) > policy.maxBaselineScaleAgeDays()) {
			missing.add("a baseline depression rating from the last " + policy.maxBaselineScaleAgeDays() + " days (the latest, "
					+ scale.instrument() + " from " + date(scale.completedAt()) + ", is " + facts.daysSince(scale.completedAt())
					+ " days old)");
		}
		if (facts.indication() == Indication.TRD && facts.trials().isEmpty()) {
			missing.add("antidepressant trial history (needed to establish treatment resistance)");
		}
		return missing;
	}

	private static LocalDate date(Instant instant) {
		return LocalDate.ofInstant(instant, ZoneOffset.UTC);
	}
}
