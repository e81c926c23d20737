package org.ketamineclinic.patient;

import java.util.UUID;

import org.ketamineclinic.identity.ClinicId;

/**
 * Something an evaluation reads changed: a history finding, a medication, an antidepressant trial
 * or a measurement. Evaluations made before it are out of date.
 */
public record PatientHistoryChanged(UUID patientId, ClinicId clinicId, String what) {
}
