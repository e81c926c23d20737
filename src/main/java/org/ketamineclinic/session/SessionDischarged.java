package org.ketamineclinic.session;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.evaluation.Route;
import org.ketamineclinic.identity.ClinicId;

public record SessionDischarged(UUID sessionId, ClinicId clinicId, UUID patientId, Route route, Instant dischargedAt,
		@Nullable Instant readyToLeaveAt) {
}
