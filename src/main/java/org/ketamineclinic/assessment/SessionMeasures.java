package org.ketamineclinic.assessment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.identity.ClinicId;

/**
 * What a dosing session asks of measurement-based care: scoring a scale taken during the session
 * (MOAA/S, CADSS, Aldrete) and telling the patient's schedules that the session ended, so that
 * post-session self-reports fall due. The session module calls this; this module never calls the
 * session module, which keeps the dependency one-way.
 */
public interface SessionMeasures {

	/** Scores and stores an assessment linked to the session, exactly as the patient assessment API does. */
	SessionScore record(UUID patientId, UUID sessionId, Instrument instrument, List<Integer> answers, @Nullable Instant completedAt);

	/** The session ended at {@code endedAt}: measures scheduled hours after a session fall due from then. */
	void dosingSessionEnded(ClinicId clinic, UUID patientId, Instant endedAt);

	/**
	 * @param flags the codes of the score's flags, such as SEDATION_EMERGENCY
	 */
	record SessionScore(UUID assessmentId, Instrument instrument, @Nullable Integer total, @Nullable String severity,
			List<String> flags, Instant completedAt) {
	}
}
