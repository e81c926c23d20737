package org.ketamineclinic.protocol;

import java.time.Instant;
import java.util.UUID;

import org.ketamineclinic.identity.ClinicId;

/** A physician stopped a course before its end: outcomes counts it as stopped at once, not after weeks without a session. */
public record CourseStopped(UUID courseId, ClinicId clinicId, UUID patientId, Instant stoppedAt) {
}
