package org.ketamineclinic.scheduling;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.identity.ClinicId;

/**
 * An appointment was booked: reminders, the patient portal and, for a course's dosing session, the
 * session module (which plans the dosing session in that chair) take it from here.
 *
 * @param place the chair's or room's name, when it has one
 */
public record AppointmentBooked(UUID appointmentId, ClinicId clinicId, UUID patientId, AppointmentType type, Instant start,
		Instant end, @Nullable UUID courseId, @Nullable Integer sessionNumber, @Nullable String place) {
}
