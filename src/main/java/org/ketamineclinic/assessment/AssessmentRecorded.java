package org.ketamineclinic.assessment;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.identity.ClinicId;

/** A scale was completed and scored. */
public record AssessmentRecorded(UUID assessmentId, ClinicId clinicId, UUID patientId, Instrument instrument,
		@Nullable Integer total, @Nullable String severity, Instant completedAt) {
}
