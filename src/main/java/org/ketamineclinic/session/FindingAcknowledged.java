package org.ketamineclinic.session;

import java.time.Instant;
import java.util.UUID;

import org.ketamineclinic.identity.ClinicId;

public record FindingAcknowledged(UUID sessionId, ClinicId clinicId, UUID patientId, String ruleId, String acknowledgedBy,
		Instant acknowledgedAt) {
}
