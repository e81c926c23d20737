package org.ketamineclinic.identity;

import org.jspecify.annotations.Nullable;

/** A sign-in by form or by API token request, successful or not. Carries no password. */
public record SignInAttempted(String username, @Nullable ClinicUser user, boolean succeeded, String channel,
		@Nullable String clientAddress) {
}
