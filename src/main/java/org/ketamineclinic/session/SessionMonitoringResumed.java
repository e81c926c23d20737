package org.ketamineclinic.session;

import java.time.Instant;
import java.util.UUID;

import org.ketamineclinic.identity.ClinicId;

/** A session that was ready for discharge no longer meets the criteria (a later reading or score): it is watched again. */
public record SessionMonitoringResumed(UUID sessionId, ClinicId clinicId, UUID patientId, Instant at) {
}
