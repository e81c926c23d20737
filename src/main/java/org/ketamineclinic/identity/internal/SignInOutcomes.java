package org.ketamineclinic.identity.internal;

import java.time.Clock;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.identity.ClinicUser;
import org.ketamineclinic.identity.SignInAttempted;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Locks an account after repeated failures and tells the audit about every sign-in attempt. */
@Component
class SignInOutcomes {

	private final UserAccounts accounts;
	private final SecuritySettings settings;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	SignInOutcomes(UserAccounts accounts, SecuritySettings settings, ApplicationEventPublisher events, Clock clock) {
		this.accounts = accounts;
		this.settings = settings;
		this.events = events;
		this.clock = clock;
	}

	@EventListener
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void failed(AbstractAuthenticationFailureEvent failure) {
		String username = failure.getAuthentication().getName();
		ClinicUser user = null;
		UserAccount account = username == null ? null : accounts.findByUsername(username).orElse(null);
		if (account != null) {
			user = account.clinicUser();
			if (failure instanceof AuthenticationFailureBadCredentialsEvent) {
				account.recordFailedSignIn(clock.instant(), settings.maxFailedAttempts(), settings.lockout());
			}
		}
		publish(failure.getAuthentication(), user, false);
	}

	@EventListener
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void succeeded(AuthenticationSuccessEvent success) {
		if (success.getAuthentication().getPrincipal() instanceof AccountDetails details) {
			accounts.findById(details.clinicUser().userId()).ifPresent(UserAccount::recordSuccessfulSignIn);
			publish(success.getAuthentication(), details.clinicUser(), true);
		}
	}

	private void publish(Authentication authentication, @Nullable ClinicUser user, boolean succeeded) {
		SignInDetails details = authentication.getDetails() instanceof SignInDetails signIn ? signIn : null;
		String username = authentication.getName() == null ? "" : authentication.getName();
		events.publishEvent(new SignInAttempted(username.length() > 100 ? username.substring(0, 100) : username, user,
				succeeded, details == null ? "FORM" : details.channel(), details == null ? null : details.clientAddress()));
	}
}
