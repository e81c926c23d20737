package org.ketamineclinic.session;

import java.util.UUID;

import org.ketamineclinic.identity.ClinicId;

public record SessionCancelled(UUID sessionId, ClinicId clinicId, UUID patientId, String reason) {
}
