package org.ketamineclinic.identity;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** Creating clinics and accounts from other modules: demo seeding and production bootstrap. */
public interface Accounts {

	ClinicId createClinic(String name);

	boolean clinicExists(String name);

	boolean anyAccountExists();

	/** Creates an account without a signed-in administrator; the caller names itself as creator. */
	UUID createAccount(ClinicId clinic, NewAccount account, String createdBy);

	/** Active staff of one clinic in one role, for routing alerts and reminders. */
	java.util.List<StaffMember> staff(ClinicId clinic, Role role);

	/** Sets the address the clinic's mail goes to for this account. */
	void setEmail(UUID accountId, @Nullable String email);

	/**
	 * Checks a second staff member's own password for a witnessed act (controlled-substance waste or
	 * destruction). The witness must be an enabled, unlocked staff account of the same clinic. A
	 * wrong password counts towards the witness's lockout exactly as a failed sign-in does, and every
	 * attempt is audited; the result is empty for any refusal, so the caller cannot tell which.
	 */
	java.util.Optional<Witness> verifyWitness(ClinicId clinic, String username, String password);

	record Witness(UUID userId, String username, String displayName, Role role) {
	}

	record NewAccount(String username, String displayName, Role role, @Nullable UUID patientId, String password) {
	}

	record StaffMember(UUID userId, String username, String displayName, @Nullable String email) {
	}
}
