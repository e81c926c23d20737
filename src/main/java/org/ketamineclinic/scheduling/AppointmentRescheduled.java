package org.ketamineclinic.scheduling;

import java.time.Instant;
import java.util.UUID;

import org.ketamineclinic.identity.ClinicId;

/** An appointment moved: a reminder for the old time is void, one for the new time is due. */
public record AppointmentRescheduled(UUID appointmentId, ClinicId clinicId, UUID patientId, AppointmentType type,
		Instant previousStart, Instant start, Instant end) {
}
