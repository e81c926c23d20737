package org.ketamineclinic.identity.internal;

import java.util.UUID;

import org.ketamineclinic.identity.Accounts;
import org.ketamineclinic.identity.ClinicId;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
class AccountsApi implements Accounts {

	private final AccountAdministration administration;
	private final Clinics clinics;
	private final UserAccounts accounts;

	AccountsApi(AccountAdministration administration, Clinics clinics, UserAccounts accounts) {
		this.administration = administration;
		this.clinics = clinics;
		this.accounts = accounts;
	}

	@Override
	public ClinicId createClinic(String name) {
		return administration.createClinic(name);
	}

	@Override
	@Transactional(readOnly = true)
	public boolean clinicExists(String name) {
		return clinics.findByName(name).isPresent();
	}

	@Override
	@Transactional(readOnly = true)
	public boolean anyAccountExists() {
		return accounts.count() > 0;
	}

	@Override
	public UUID createAccount(ClinicId clinic, NewAccount account, String createdBy) {
		return administration.createAccount(clinic, account.username(), account.displayName(), account.role(),
				account.patientId(), account.password(), createdBy, false);
	}
}
