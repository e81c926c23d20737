package org.ketamineclinic.evaluation.internal;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.assessment.DepressionScales;
import org.ketamineclinic.evaluation.Indication;
import org.ketamineclinic.evaluation.Route;
import org.ketamineclinic.evaluation.rules.EvaluationFacts;
import org.ketamineclinic.patient.PatientRegistry.ClinicalHistory;

/** Translates the chart, as the registry and the assessments give it, into the facts the rules read. */
final class Facts {

	private Facts() {
	}

	static EvaluationFacts of(Route route, Indication indication, LocalDate today, ClinicalHistory chart,
			DepressionScales.@Nullable Rating rating) {
		return new EvaluationFacts(route, indication, today, chart.patient().birthDate(), chart.patient().sexAtBirth(),
				chart.weightKg(), chart.weightMeasuredAt(),
				chart.findings().stream().map(f -> new EvaluationFacts.HistoryFact(f.finding(), f.status(), f.note())).toList(),
				chart.medications().stream()
					.map(m -> new EvaluationFacts.MedicationFact(m.name(), m.medicationClass(), m.current()))
					.toList(),
				chart.trials().stream()
					.map(t -> new EvaluationFacts.TrialFact(t.drug(), t.drugClass(), t.dailyDoseMg(), t.startDate(), t.endDate(),
							t.adherent(), t.outcome(), t.currentEpisode()))
					.toList(),
				rating == null ? null
						: new EvaluationFacts.BaselineScale(rating.instrument().name(), rating.total(), rating.completedAt()),
				chart.bloodPressure() == null ? null
						: new EvaluationFacts.BloodPressure(chart.bloodPressure().sbp(), chart.bloodPressure().dbp(),
								chart.bloodPressureMeasuredAt()));
	}
}
