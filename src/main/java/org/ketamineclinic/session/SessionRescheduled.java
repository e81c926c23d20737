package org.ketamineclinic.session;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.identity.ClinicId;

/** A planned session moved to another time or chair before check-in (its appointment was rescheduled). */
public record SessionRescheduled(UUID sessionId, ClinicId clinicId, UUID patientId, Instant previousStart, Instant scheduledStart,
		@Nullable String chairId) {
}
