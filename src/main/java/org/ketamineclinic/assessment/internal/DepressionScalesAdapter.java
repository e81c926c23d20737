package org.ketamineclinic.assessment.internal;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.ketamineclinic.assessment.DepressionScales;
import org.ketamineclinic.assessment.Instrument;
import org.springframework.stereotype.Component;

@Component
class DepressionScalesAdapter implements DepressionScales {

	static final Set<Instrument> DEPRESSION = EnumSet.of(Instrument.PHQ9, Instrument.QIDS_SR16, Instrument.MADRS);

	private final AssessmentService assessments;

	DepressionScalesAdapter(AssessmentService assessments) {
		this.assessments = assessments;
	}

	@Override
	public Optional<Rating> latest(UUID patientId) {
		return assessments.list(patientId, null).stream()
			.filter(a -> DEPRESSION.contains(a.instrument()) && a.total() != null)
			.max(Comparator.comparing(AssessmentService.AssessmentView::completedAt))
			.map(a -> new Rating(a.instrument(), a.total(), a.completedAt()));
	}
}
