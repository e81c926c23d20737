package org.ketamineclinic.scheduling;

import java.time.Instant;
import java.util.UUID;

import org.ketamineclinic.identity.ClinicId;

/** An appointment was cancelled; its time is free again. The reason stays in the appointment's history. */
public record AppointmentCancelled(UUID appointmentId, ClinicId clinicId, UUID patientId, AppointmentType type, Instant start) {
}
