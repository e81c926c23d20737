package org.ketamineclinic.assessment.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.assessment.Instrument;
import org.ketamineclinic.assessment.SessionMeasures;
import org.ketamineclinic.assessment.scales.Score;
import org.ketamineclinic.identity.ClinicId;
import org.springframework.stereotype.Component;

/** The session module's way in: delegates to the services, so scoring, permissions and audit stay theirs. */
@Component
class SessionMeasuresAdapter implements SessionMeasures {

	private final AssessmentService assessments;
	private final MeasureScheduleService schedules;

	SessionMeasuresAdapter(AssessmentService assessments, MeasureScheduleService schedules) {
		this.assessments = assessments;
		this.schedules = schedules;
	}

	@Override
	public SessionScore record(UUID patientId, UUID sessionId, Instrument instrument, List<Integer> answers,
			@Nullable Instant completedAt) {
		AssessmentService.AssessmentView view = assessments.record(patientId,
				new AssessmentService.Draft(instrument.name(), answers, completedAt, sessionId));
		return new SessionScore(view.id(), view.instrument(), view.total(), view.severity(),
				view.flags().stream().map(Score.Flag::code).toList(), view.completedAt());
	}

	@Override
	public void dosingSessionEnded(ClinicId clinic, UUID patientId, Instant endedAt) {
		schedules.dosingSessionEnded(clinic, patientId, endedAt);
	}
}
