package org.ketamineclinic.session;

import java.time.Instant;
import java.util.UUID;

import org.ketamineclinic.identity.ClinicId;

public record InfusionCompleted(UUID sessionId, ClinicId clinicId, UUID patientId, Instant endedAt) {
}
