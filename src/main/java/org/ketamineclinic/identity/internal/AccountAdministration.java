package org.ketamineclinic.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.identity.ClinicId;
import org.ketamineclinic.identity.ClinicUser;
import org.ketamineclinic.identity.CurrentUser;
import org.ketamineclinic.identity.Role;
import org.ketamineclinic.platform.Conflict;
import org.ketamineclinic.platform.FieldChecks;
import org.ketamineclinic.platform.InvalidInput;
import org.ketamineclinic.platform.NotFound;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What administrators and each person do with accounts: create, disable, reset, enrol a second factor. */
@Service
class AccountAdministration {

	record AccountView(UUID id, String username, String displayName, Role role, @Nullable UUID patientId, boolean enabled,
			@Nullable Instant lockedUntil, boolean locked, boolean mfaEnrolled, long version) {

		static AccountView of(UserAccount account, Instant now) {
			return new AccountView(account.id(), account.username(), account.displayName(), account.role(),
					account.patientId(), account.enabled(), account.lockedUntil(), account.isLockedAt(now), account.hasTotp(),
					account.version());
		}

		public String status() {
			return !enabled ? "disabled" : locked ? "locked" : "active";
		}
	}

	private final UserAccounts accounts;
	private final Clinics clinics;
	private final PasswordEncoder passwordEncoder;
	private final SecuritySettings settings;
	private final CurrentUser currentUser;
	private final Clock clock;

	AccountAdministration(UserAccounts accounts, Clinics clinics, PasswordEncoder passwordEncoder,
			SecuritySettings settings, CurrentUser currentUser, Clock clock) {
		this.accounts = accounts;
		this.clinics = clinics;
		this.passwordEncoder = passwordEncoder;
		this.settings = settings;
		this.currentUser = currentUser;
		this.clock = clock;
	}

	@Transactional
	ClinicId createClinic(String name) {
		return clinics.findByName(name).map(Clinic::id).orElseGet(() -> clinics.save(new Clinic(name, clock.instant())).id());
	}

	/** Seeding and bootstrap create accounts without a signed-in administrator. */
	@Transactional
	UUID createAccount(ClinicId clinic, String username, String displayName, Role role, @Nullable UUID patientId,
			String password, String createdBy, boolean enforcePasswordPolicy) {
		FieldChecks checks = new FieldChecks()
			.require("username", username)
			.require("displayName", displayName)
			.require("role", role)
			.rule(username == null || username.matches("[a-z0-9._-]{3,100}"), "username",
					"use 3 to 100 lower-case letters, digits, dots, dashes or underscores")
			.rule(role != Role.PATIENT || patientId != null, "patientId", "a patient account must be linked to a patient record")
			.rule(role == Role.PATIENT || patientId == null, "patientId", "only a patient account is linked to a patient record");
		if (enforcePasswordPolicy) {
			checks.rule(password != null && password.length() >= settings.minPasswordLength(), "password",
					"must be at least " + settings.minPasswordLength() + " characters");
		}
		checks.throwIfAny();
		if (accounts.existsByUsername(username)) {
			throw new InvalidInput("username", "is already taken");
		}
		return accounts.save(new UserAccount(clinic, username, displayName, role, patientId,
				passwordEncoder.encode(password), clock.instant(), createdBy)).id();
	}

	@PreAuthorize("hasRole('ADMIN')")
	@Transactional
	UUID createInMyClinic(String username, String displayName, @Nullable Role role, @Nullable UUID patientId, String password) {
		ClinicUser admin = currentUser.get();
		return createAccount(admin.clinicId(), username, displayName, role, patientId, password, admin.username(), true);
	}

	@PreAuthorize("hasRole('ADMIN')")
	@Transactional(readOnly = true)
	List<AccountView> listMyClinic() {
		return accounts.findByClinicIdOrderByRoleAscUsernameAsc(currentUser.clinic().value()).stream()
			.map(account -> AccountView.of(account, clock.instant())).toList();
	}

	@PreAuthorize("hasRole('ADMIN')")
	@Transactional
	void setEnabled(UUID accountId, boolean enabled) {
		ClinicUser admin = currentUser.get();
		UserAccount account = inMyClinic(accountId);
		if (!enabled && account.id().equals(admin.userId())) {
			throw new Conflict("You cannot disable your own account");
		}
		if (enabled) {
			account.enable(admin.username(), clock.instant());
		}
		else {
			account.disable(admin.username(), clock.instant());
		}
	}

	/** Sets a temporary password, lifts a lockout, and returns the password to hand over once. */
	@PreAuthorize("hasRole('ADMIN')")
	@Transactional
	String resetPassword(UUID accountId) {
		UserAccount account = inMyClinic(accountId);
		String temporary = MessageDigests.randomToken(12);
		account.resetPassword(passwordEncoder.encode(temporary), currentUser.get().username(), clock.instant());
		return temporary;
	}

	@PreAuthorize("hasRole('ADMIN')")
	@Transactional
	void resetMfa(UUID accountId) {
		inMyClinic(accountId).removeTotp(currentUser.get().username(), clock.instant());
	}

	@Transactional
	void changeOwnPassword(String currentPassword, String newPassword) {
		UserAccount account = accounts.findById(currentUser.get().userId()).orElseThrow();
		new FieldChecks()
			.rule(passwordEncoder.matches(currentPassword, account.passwordHash()), "currentPassword", "is not your current password")
			.rule(newPassword != null && newPassword.length() >= settings.minPasswordLength(), "newPassword",
					"must be at least " + settings.minPasswordLength() + " characters")
			.throwIfAny();
		account.resetPassword(passwordEncoder.encode(newPassword), account.username(), clock.instant());
	}

	@Transactional(readOnly = true)
	AccountView me() {
		return AccountView.of(accounts.findById(currentUser.get().userId()).orElseThrow(), clock.instant());
	}

	/** Confirms enrolment only when the person proves their app produces codes for the secret. */
	@Transactional
	void enrolTotp(String secret, String code) {
		UserAccount account = accounts.findById(currentUser.get().userId()).orElseThrow();
		OptionalLong step = Totp.matchingStep(secret, code, clock.instant());
		if (step.isEmpty()) {
			throw new InvalidInput("code", "does not match: check the time on your phone and enter the current code");
		}
		account.enrolTotp(secret, step.getAsLong());
	}

	@Transactional(readOnly = true)
	boolean mfaMissing(ClinicUser user) {
		return settings.mfaRequiredFor(user.role())
				&& accounts.findById(user.userId()).map(account -> !account.hasTotp()).orElse(false);
	}

	private UserAccount inMyClinic(UUID accountId) {
		return accounts.findByClinicIdAndId(currentUser.clinic().value(), accountId)
			.orElseThrow(() -> new NotFound("Account", accountId));
	}
}
