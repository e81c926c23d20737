package org.ketamineclinic.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ketamineclinic.identity.ClinicId;
import org.ketamineclinic.identity.Role;

class UserAccountTest {

	static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
	static final Duration LOCKOUT = Duration.ofMinutes(15);

	static UserAccount nurse() {
		return new UserAccount(new ClinicId(UUID.randomUUID()), "nurse", "Nurse", Role.NURSE, null, "hash", NOW, "test");
	}

	@Test
	void fifthFailedAttemptLocksForFifteenMinutes() {
		UserAccount account = nurse();
		for (int i = 0; i < 4; i++) {
			account.recordFailedSignIn(NOW, 5, LOCKOUT);
		}
		assertThat(account.isLockedAt(NOW)).isFalse();
		account.recordFailedSignIn(NOW, 5, LOCKOUT);
		assertThat(account.isLockedAt(NOW)).isTrue();
		assertThat(account.isLockedAt(NOW.plus(LOCKOUT).minusSeconds(1))).isTrue();
		assertThat(account.isLockedAt(NOW.plus(LOCKOUT))).isFalse();
	}

	@Test
	void successfulSignInForgetsEarlierFailures() {
		UserAccount account = nurse();
		for (int i = 0; i < 4; i++) {
			account.recordFailedSignIn(NOW, 5, LOCKOUT);
		}
		account.recordSuccessfulSignIn();
		account.recordFailedSignIn(NOW, 5, LOCKOUT);
		assertThat(account.isLockedAt(NOW)).isFalse();
	}

	@Test
	void anAuthenticatorCodeWorksOnlyOnce() {
		UserAccount account = nurse();
		account.enrolTotp("SECRET", 100);
		assertThat(account.acceptTotpStep(100)).isFalse();
		assertThat(account.acceptTotpStep(101)).isTrue();
		assertThat(account.acceptTotpStep(101)).isFalse();
	}

	@Test
	void onlyPatientAccountsNameAPatientRecord() {
		ClinicId clinic = new ClinicId(UUID.randomUUID());
		assertThatThrownBy(() -> new UserAccount(clinic, "p", "P", Role.PATIENT, null, "h", NOW, "t"))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new UserAccount(clinic, "n", "N", Role.NURSE, UUID.randomUUID(), "h", NOW, "t"))
			.isInstanceOf(IllegalArgumentException.class);
	}
}
