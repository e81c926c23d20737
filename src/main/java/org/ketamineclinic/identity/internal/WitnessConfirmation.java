package org.ketamineclinic.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.ketamineclinic.identity.Accounts.Witness;
import org.ketamineclinic.identity.ClinicId;
import org.ketamineclinic.identity.ClinicUser;
import org.ketamineclinic.identity.Role;
import org.ketamineclinic.identity.SignInAttempted;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A second staff member confirms an act with their own password, on the first one's screen. The
 * check runs in its own transaction: the witnessed act is rolled back when the password is wrong,
 * but the failed attempt must still count towards the witness's lockout and reach the audit.
 */
@Component
class WitnessConfirmation {

	static final String CHANNEL = "WITNESS";

	private final UserAccounts accounts;
	private final PasswordEncoder passwordEncoder;
	private final SecuritySettings settings;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	WitnessConfirmation(UserAccounts accounts, PasswordEncoder passwordEncoder, SecuritySettings settings,
			ApplicationEventPublisher events, Clock clock) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.settings = settings;
		this.events = events;
		this.clock = clock;
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public Optional<Witness> verify(ClinicId clinic, String username, String password) {
		Instant now = clock.instant();
		UserAccount account = username == null ? null : accounts.findByUsername(username.strip()).orElse(null);
		if (account == null || !account.clinicId().equals(clinic) || account.role() == Role.PATIENT || !account.enabled()
				|| account.isLockedAt(now)) {
			events.publishEvent(new SignInAttempted(truncate(username), account == null ? null : account.clinicUser(), false,
					CHANNEL, null));
			return Optional.empty();
		}
		ClinicUser witness = account.clinicUser();
		if (password == null || !passwordEncoder.matches(password, account.passwordHash())) {
			account.recordFailedSignIn(now, settings.maxFailedAttempts(), settings.lockout());
			events.publishEvent(new SignInAttempted(account.username(), witness, false, CHANNEL, null));
			return Optional.empty();
		}
		account.recordSuccessfulSignIn();
		events.publishEvent(new SignInAttempted(account.username(), witness, true, CHANNEL, null));
		return Optional.of(new Witness(witness.userId(), witness.username(), witness.displayName(), witness.role()));
	}

	private static String truncate(String username) {
		String text = username == null ? "" : username;
		return text.length() > 100 ? text.substring(0, 100) : text;
	}
}
