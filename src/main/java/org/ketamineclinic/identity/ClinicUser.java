package org.ketamineclinic.identity;

import java.io.Serializable;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The signed-in person as the rest of the platform needs them: whose clinic, which role, and for
 * a patient account, which patient record is theirs.
 */
public record ClinicUser(UUID userId, String username, String displayName, ClinicId clinicId, Role role,
		@Nullable UUID patientId) implements Serializable {

	public boolean isPatient() {
		return role == Role.PATIENT;
	}

	/** A patient account may see only its own record; staff see any record of their clinic. */
	public boolean maySee(UUID patientRecord) {
		return !isPatient() || patientRecord.equals(patientId);
	}
}
