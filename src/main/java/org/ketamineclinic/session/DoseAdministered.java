package org.ketamineclinic.session;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.evaluation.Route;
import org.ketamineclinic.identity.ClinicId;

/** One administration: an infusion, an injection or one esketamine device. The lot is what the ledger books. */
public record DoseAdministered(UUID sessionId, ClinicId clinicId, UUID patientId, Route route, BigDecimal doseMg, String lot,
		Instant startedAt, @Nullable Integer durationMinutes, @Nullable Integer deviceNumber) {
}
