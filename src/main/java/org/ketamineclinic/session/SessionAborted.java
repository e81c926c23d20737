package org.ketamineclinic.session;

import java.util.UUID;

import org.ketamineclinic.identity.ClinicId;

/** Dosing had begun when the session was stopped; the patient still needs watching, the reason says why. */
public record SessionAborted(UUID sessionId, ClinicId clinicId, UUID patientId, String reason) {
}
