package org.ketamineclinic.assessment;

import java.util.UUID;

import org.ketamineclinic.identity.ClinicId;

/** An assessment flagged suicide risk; the alert stays open until a physician documents an action. */
public record RiskAlertRaised(UUID alertId, ClinicId clinicId, UUID patientId, String code) {
}
