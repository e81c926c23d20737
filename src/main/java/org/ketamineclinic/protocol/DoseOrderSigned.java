package org.ketamineclinic.protocol;

import java.math.BigDecimal;
import java.util.UUID;

import org.ketamineclinic.identity.ClinicId;

/** A physician signed the dose order of one session of a course. */
public record DoseOrderSigned(UUID orderId, ClinicId clinicId, UUID patientId, UUID courseId, int sessionNumber, BigDecimal doseMg) {
}
