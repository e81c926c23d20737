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
	private final WitnessConfirmation witnesses;

	AccountsApi(AccountAdministration administration, Clinics clinics, UserAccounts accounts,
			WitnessConfirmation witnesses) {
		this.administration = administration;
		this.clinics = clinics;
		this.accounts = accounts;
		this.witnesses = witnesses;
	}

	@Override
	public java.util.Optional<Witness> verifyWitness(ClinicId clinic, String username, String password) {
		return witnesses.verify(clinic, username, password);
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
	@Transactional(readOnly = true)
	public java.util.List<StaffMember> staff(ClinicId clinic, org.ketamineclinic.identity.Role role) {
		return accounts.findByClinicIdOrderByRoleAscUsernameAsc(clinic.value()).stream()
			.filter(account -> account.role() == role && account.enabled())
			.map(account -> new StaffMember(account.id(), account.username(), account.displayName(), account.email()))
			.toList();
	}

	@Override
	@Transactional
	public void setEmail(UUID accountId, @org.jspecify.annotations.Nullable String email) {
		accounts.findById(accountId).orElseThrow().setEmail(email);
	}

	@Override
	public UUID createAccount(ClinicId clinic, NewAccount account, String createdBy) {
		return administration.createAccount(clinic, account.username(), account.displayName(), account.role(),
				account.patientId(), account.password(), createdBy, false);
	}
}
