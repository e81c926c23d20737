package org.ketamineclinic.patient;

import java.util.UUID;

import org.ketamineclinic.identity.ClinicId;

/** A new patient was registered in a clinic. */
public record PatientRegistered(UUID patientId, ClinicId clinicId) {
}
