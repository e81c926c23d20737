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

	record NewAccount(String username, String displayName, Role role, @Nullable UUID patientId, String password) {
	}
}
