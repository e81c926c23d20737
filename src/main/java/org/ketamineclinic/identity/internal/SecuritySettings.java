package org.ketamineclinic.identity.internal;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

import org.ketamineclinic.identity.Role;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Clinic security policies, with the defaults the platform ships. Under the prod profile
 * {@link ProductionSafety} refuses settings that weaken what production must have.
 */
@ConfigurationProperties("clinic.security")
record SecuritySettings(
		@DefaultValue("5") int maxFailedAttempts,
		@DefaultValue("15m") Duration lockout,
		@DefaultValue("12h") Duration tokenLifetime,
		@DefaultValue("12") int minPasswordLength,
		Set<Role> mfaRequiredRoles) {

	SecuritySettings {
		if (maxFailedAttempts < 1 || maxFailedAttempts > 20) {
			throw new IllegalArgumentException("clinic.security.max-failed-attempts must be 1 to 20");
		}
		mfaRequiredRoles = mfaRequiredRoles == null || mfaRequiredRoles.isEmpty()
				? EnumSet.noneOf(Role.class) : EnumSet.copyOf(mfaRequiredRoles);
	}

	boolean mfaRequiredFor(Role role) {
		return mfaRequiredRoles.contains(role);
	}
}
