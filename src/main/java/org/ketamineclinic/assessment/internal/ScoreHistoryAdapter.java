package org.ketamineclinic.assessment.internal;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.ketamineclinic.assessment.ScoreHistory;
import org.springframework.stereotype.Component;

@Component
class ScoreHistoryAdapter implements ScoreHistory {

	private final AssessmentService assessments;
	private final OutcomeSettings settings;

	ScoreHistoryAdapter(AssessmentService assessments, OutcomeSettings settings) {
		this.assessments = assessments;
		this.settings = settings;
	}

	@Override
	public List<Score> scores(UUID patientId) {
		return assessments.list(patientId, null).stream()
			.filter(a -> a.total() != null)
			.map(a -> new Score(a.id(), a.instrument(), a.total(), a.severity(), a.completedAt()))
			.sorted(Comparator.comparing(Score::completedAt))
			.toList();
	}

	@Override
	public Cutoffs cutoffs() {
		return new Cutoffs(settings.madrsRemissionAtOrBelow(), settings.phq9RelapseAtOrAbove(), settings.phq9RelapsePointsAboveBest());
	}
}
