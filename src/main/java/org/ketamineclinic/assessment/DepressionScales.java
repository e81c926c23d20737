package org.ketamineclinic.assessment;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The latest depression rating of a patient (PHQ-9, QIDS-SR16 or MADRS), for the pre-treatment evaluation. */
public interface DepressionScales {

	Optional<Rating> latest(UUID patientId);

	record Rating(Instrument instrument, int total, Instant completedAt) {
	}
}
