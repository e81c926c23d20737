package org.ketamineclinic.assessment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A patient's response to treatment on a depression scale, by the outcome definitions of clinical
 * reference section 4, for the end-of-induction check of a course and for titration advice.
 */
public interface TreatmentResponses {

	/** The depression scales in the order a course looks at them: the clinician-rated one first. */
	Instrument[] PREFERENCE = { Instrument.MADRS, Instrument.QIDS_SR16, Instrument.PHQ9 };

	/**
	 * The response on the first scale of {@link #PREFERENCE} that has a baseline; else the first with
	 * any score (status NO_BASELINE); empty when the patient has none of them.
	 *
	 * @param firstDosingDay the day of the course's first dosing session: the baseline is the last
	 *        score on or before it; null before the first session (the earliest score is used)
	 */
	Optional<Response> current(UUID patientId, @Nullable LocalDate firstDosingDay);

	/**
	 * @param ratingsAfterBaseline how many ratings came after the baseline (on a later day than the
	 *        first dosing session, once there is one): without any, NOT_RESPONDING is no evidence yet
	 */
	record Response(Instrument instrument, @Nullable Integer baseline, @Nullable Integer latest,
			@Nullable BigDecimal percentChange, ResponseStatus status, int ratingsAfterBaseline) {

		/** A measured response or remission, or a measured lack of one: there is a rating after the baseline. */
		public boolean measured() {
			return status != ResponseStatus.NO_BASELINE && ratingsAfterBaseline > 0;
		}
	}
}
