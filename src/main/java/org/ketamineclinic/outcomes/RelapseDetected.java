package org.ketamineclinic.outcomes;

import java.time.Instant;
import java.util.UUID;

import org.ketamineclinic.assessment.Instrument;
import org.ketamineclinic.identity.ClinicId;

/** A patient after response or in maintenance met the relapse definition; the alert stays open until a physician acts. */
public record RelapseDetected(UUID alertId, ClinicId clinicId, UUID patientId, Instrument instrument, Instant confirmedAt) {
}
