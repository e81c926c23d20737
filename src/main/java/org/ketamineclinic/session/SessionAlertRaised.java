package org.ketamineclinic.session;

import java.util.UUID;

import org.ketamineclinic.identity.ClinicId;

/** A reading, scale or side effect crossed a threshold; severity is NOTIFY, URGENT or EMERGENCY. */
public record SessionAlertRaised(UUID alertId, UUID sessionId, ClinicId clinicId, UUID patientId, String code, String severity) {
}
