package org.ketamineclinic.protocol;

import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.evaluation.Indication;
import org.ketamineclinic.evaluation.Route;
import org.ketamineclinic.identity.ClinicId;

/**
 * A physician started a treatment course: scheduling can offer its planned sessions for booking.
 *
 * @param indication what the course treats: the protocol's own indication, else that of the approved evaluation it started on
 */
public record CourseStarted(UUID courseId, ClinicId clinicId, UUID patientId, String protocol, Route route, LocalDate startDate,
		@Nullable Indication indication) {
}
