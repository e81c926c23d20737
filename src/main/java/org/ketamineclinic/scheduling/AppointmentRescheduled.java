package org.ketamineclinic.scheduling;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.identity.ClinicId;

/**
 * An appointment moved: a reminder for the old time is void, one for the new time is due, and a
 * dosing session planned from it moves too.
 *
 * @param place the chair's or room's name after the move, when it has one
 */
public record AppointmentRescheduled(UUID appointmentId, ClinicId clinicId, UUID patientId, AppointmentType type,
		Instant previousStart, Instant start, Instant end, @Nullable String place) {
}
