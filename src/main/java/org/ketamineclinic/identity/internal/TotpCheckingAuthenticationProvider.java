package org.ketamineclinic.identity.internal;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Password first, then, for accounts enrolled in multi-factor sign-in, the authenticator code.
 * A wrong code counts as a failed attempt, like a wrong password.
 */
class TotpCheckingAuthenticationProvider extends DaoAuthenticationProvider {

	private final SecondFactor secondFactor;

	TotpCheckingAuthenticationProvider(UserDetailsService users, PasswordEncoder passwordEncoder, SecondFactor secondFactor) {
		super(users);
		setPasswordEncoder(passwordEncoder);
		this.secondFactor = secondFactor;
	}

	@Override
	protected void additionalAuthenticationChecks(UserDetails user, UsernamePasswordAuthenticationToken authentication) {
		super.additionalAuthenticationChecks(user, authentication);
		if (user instanceof AccountDetails account && account.hasTotp()) {
			String code = authentication.getDetails() instanceof SignInDetails details ? details.totp() : null;
			if (code == null || !secondFactor.accept(account.clinicUser().userId(), code)) {
				throw new BadCredentialsException("Invalid authentication code");
			}
		}
	}
}
