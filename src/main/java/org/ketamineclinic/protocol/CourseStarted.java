package org.ketamineclinic.protocol;

import java.time.LocalDate;
import java.util.UUID;

import org.ketamineclinic.evaluation.Route;
import org.ketamineclinic.identity.ClinicId;

/** A physician started a treatment course: scheduling can offer its planned sessions for booking. */
public record CourseStarted(UUID courseId, ClinicId clinicId, UUID patientId, String protocol, Route route, LocalDate startDate) {
}
