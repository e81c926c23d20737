package org.ketamineclinic.identity.internal;

import java.time.Clock;
import java.util.OptionalLong;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Checks authenticator codes and remembers the last step used, so each code works once. */
@Component
class SecondFactor {

	private final UserAccounts accounts;
	private final Clock clock;

	SecondFactor(UserAccounts accounts, Clock clock) {
		this.accounts = accounts;
		this.clock = clock;
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public boolean accept(UUID userId, String code) {
		UserAccount account = accounts.findById(userId).orElse(null);
		if (account == null || account.totpSecret() == null) {
			return false;
		}
		OptionalLong step = Totp.matchingStep(account.totpSecret(), code, clock.instant());
		return step.isPresent() && account.acceptTotpStep(step.getAsLong());
	}
}
