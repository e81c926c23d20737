package org.ketamineclinic.session;

import java.time.Instant;
import java.util.UUID;

import org.ketamineclinic.identity.ClinicId;

/** @param findingsToAcknowledge how many findings a physician must acknowledge before dosing */
public record SessionCheckedIn(UUID sessionId, ClinicId clinicId, UUID patientId, Instant checkedInAt, int findingsToAcknowledge) {
}
