package org.ketamineclinic.session;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.evaluation.Route;
import org.ketamineclinic.identity.ClinicId;

public record SessionPlanned(UUID sessionId, ClinicId clinicId, UUID patientId, Route route, Instant scheduledStart,
		@Nullable UUID courseId, @Nullable Integer courseSessionNumber) {
}
