package org.ketamineclinic.assessment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Every scored total of a patient, for outcomes that draw a trajectory or watch for relapse.
 * Scoped to the caller's clinic and audited like the assessment API.
 */
public interface ScoreHistory {

	/** The patient's scored assessments (voided ones left out), oldest first. */
	List<Score> scores(UUID patientId);

	/**
	 * The clinic's outcome settings (clinic.assessment.*), so other modules judge remission and
	 * PHQ-9 relapse exactly as this one does.
	 */
	Cutoffs cutoffs();

	record Cutoffs(int madrsRemissionAtOrBelow, int phq9RelapseAtOrAbove, int phq9RelapsePointsAboveBest) {
	}

	record Score(UUID assessmentId, Instrument instrument, int total, @Nullable String severity, Instant completedAt) {
	}
}
