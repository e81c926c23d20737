package org.ketamineclinic.identity.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;
import org.ketamineclinic.identity.ClinicId;
import org.ketamineclinic.identity.ClinicUser;
import org.ketamineclinic.identity.Role;

/**
 * A person who signs in: staff member or patient. Guards its own lockout and second factor so
 * that no caller can forget a step.
 */
@Entity
@Table(name = "user_account")
class UserAccount {

	@Id
	private UUID id;

	private UUID clinicId;

	private String username;

	private String displayName;

	@Enumerated(EnumType.STRING)
	private Role role;

	private @Nullable UUID patientId;

	private String passwordHash;

	private boolean enabled;

	private int failedAttempts;

	private @Nullable Instant lockedUntil;

	private @Nullable String totpSecret;

	private @Nullable Long totpLastStep;

	private @Nullable String phone;

	private @Nullable String email;

	private Instant createdAt;

	private String createdBy;

	private @Nullable Instant changedAt;

	private @Nullable String changedBy;

	@Version
	private long version;

	protected UserAccount() {
	}

	UserAccount(ClinicId clinic, String username, String displayName, Role role, @Nullable UUID patientId,
			String passwordHash, Instant now, String createdBy) {
		if ((role == Role.PATIENT) != (patientId != null)) {
			throw new IllegalArgumentException("a patient account must name its patient record, and only a patient account may");
		}
		this.id = UUID.randomUUID();
		this.clinicId = clinic.value();
		this.username = username;
		this.displayName = displayName;
		this.role = role;
		this.patientId = patientId;
		this.passwordHash = passwordHash;
		this.enabled = true;
		this.createdAt = now;
		this.createdBy = createdBy;
	}

	ClinicUser clinicUser() {
		return new ClinicUser(id, username, displayName, new ClinicId(clinicId), role, patientId);
	}

	boolean isLockedAt(Instant now) {
		return lockedUntil != null && lockedUntil.isAfter(now);
	}

	/** Counts a wrong password or code; the last allowed failure locks the account for a while. */
	void recordFailedSignIn(Instant now, int maxAttempts, Duration lockout) {
		if (isLockedAt(now)) {
			return;
		}
		failedAttempts++;
		if (failedAttempts >= maxAttempts) {
			lockedUntil = now.plus(lockout);
			failedAttempts = 0;
		}
	}

	void recordSuccessfulSignIn() {
		failedAttempts = 0;
		lockedUntil = null;
	}

	/** Accepts a time step once only, so a code seen over someone's shoulder cannot be replayed. */
	boolean acceptTotpStep(long step) {
		if (totpLastStep != null && step <= totpLastStep) {
			return false;
		}
		totpLastStep = step;
		return true;
	}

	void enrolTotp(String secret, long confirmedStep) {
		this.totpSecret = secret;
		this.totpLastStep = confirmedStep;
	}

	void removeTotp(String by, Instant now) {
		this.totpSecret = null;
		this.totpLastStep = null;
		changed(by, now);
	}

	void disable(String by, Instant now) {
		enabled = false;
		changed(by, now);
	}

	void enable(String by, Instant now) {
		enabled = true;
		changed(by, now);
	}

	void resetPassword(String newHash, String by, Instant now) {
		passwordHash = newHash;
		failedAttempts = 0;
		lockedUntil = null;
		changed(by, now);
	}

	private void changed(String by, Instant now) {
		changedBy = by;
		changedAt = now;
	}

	UUID id() {
		return id;
	}

	ClinicId clinicId() {
		return new ClinicId(clinicId);
	}

	String username() {
		return username;
	}

	String displayName() {
		return displayName;
	}

	Role role() {
		return role;
	}

	@Nullable UUID patientId() {
		return patientId;
	}

	String passwordHash() {
		return passwordHash;
	}

	boolean enabled() {
		return enabled;
	}

	@Nullable Instant lockedUntil() {
		return lockedUntil;
	}

	@Nullable String totpSecret() {
		return totpSecret;
	}

	boolean hasTotp() {
		return totpSecret != null;
	}

	@Nullable String email() {
		return email;
	}

	void setEmail(@Nullable String email) {
		this.email = email;
	}

	long version() {
		return version;
	}
}
