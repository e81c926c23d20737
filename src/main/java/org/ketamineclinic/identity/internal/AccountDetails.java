package org.ketamineclinic.identity.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.identity.ClinicUser;
import org.ketamineclinic.identity.CurrentUser;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The security principal: kept in the HTTP session, so it holds ids and the role, never patient data. */
final class AccountDetails implements UserDetails, CredentialsContainer, CurrentUser.HasClinicUser {

	private final ClinicUser user;
	private @Nullable String passwordHash;
	private final boolean enabled;
	private final boolean locked;
	private final boolean hasTotp;

	AccountDetails(UserAccount account, Instant now) {
		this.user = account.clinicUser();
		this.passwordHash = account.passwordHash();
		this.enabled = account.enabled();
		this.locked = account.isLockedAt(now);
		this.hasTotp = account.hasTotp();
	}

	@Override
	public ClinicUser clinicUser() {
		return user;
	}

	boolean hasTotp() {
		return hasTotp;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority(user.role().authority()));
	}

	@Override
	public @Nullable String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return user.username();
	}

	@Override
	public boolean isAccountNonLocked() {
		return !locked;
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

	@Override
	public void eraseCredentials() {
		passwordHash = null;
	}
}
