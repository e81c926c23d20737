package org.ketamineclinic.scheduling;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.identity.ClinicId;

/** An appointment was booked: reminders and the patient portal take it from here. */
public record AppointmentBooked(UUID appointmentId, ClinicId clinicId, UUID patientId, AppointmentType type, Instant start,
		Instant end, @Nullable UUID courseId, @Nullable Integer sessionNumber) {
}
