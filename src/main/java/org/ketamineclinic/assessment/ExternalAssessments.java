package org.ketamineclinic.assessment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Assessments completed elsewhere (another clinic's record, a referral's FHIR bundle) and recorded
 * here as they were scored there. Scored with the clinic's own scales: item answers, when given,
 * must agree with the total; a total alone must lie in the scale's range. Caller's clinic, checked
 * and audited like any recorded assessment.
 */
public interface ExternalAssessments {

	/** The new assessment's id; throws {@code InvalidInput} naming {@code answers}, {@code total} or {@code completedAt}. */
	UUID recordExternal(UUID patientId, ExternalAssessment assessment);

	/**
	 * {@code answers} in item order (empty when only the total is known); {@code total} may be null
	 * when every item is given.
	 */
	record ExternalAssessment(Instrument instrument, List<Integer> answers, @Nullable Integer total, Instant completedAt) {
	}
}
