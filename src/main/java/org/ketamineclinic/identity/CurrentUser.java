package org.ketamineclinic.identity;

import java.util.Optional;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Who is asking, for services that scope every query to the caller's clinic. */
@Component
public class CurrentUser {

	public ClinicUser get() {
		return find().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("Not signed in"));
	}

	public Optional<ClinicUser> find() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof HasClinicUser principal) {
			return Optional.of(principal.clinicUser());
		}
		return Optional.empty();
	}

	public ClinicId clinic() {
		return get().clinicId();
	}

	/** Implemented by the security principal so that this module's internals stay hidden. */
	public interface HasClinicUser {
		ClinicUser clinicUser();
	}
}
