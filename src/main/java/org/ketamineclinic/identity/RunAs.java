package org.ketamineclinic.identity;

import java.util.List;
import java.util.function.Supplier;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs work that no person started (demo seeding, later imports) as a named system actor of one
 * clinic, so it passes the same permission checks and leaves the same audit trail as a person.
 */
public final class RunAs {

	private RunAs() {
	}

	public static <T> T systemActor(ClinicId clinic, String name, Role role, Supplier<T> work) {
		ClinicUser actor = new ClinicUser(new java.util.UUID(0, 0), name, name, clinic, role, null);
		SecurityContext previous = SecurityContextHolder.getContext();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		CurrentUser.HasClinicUser principal = () -> actor;
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
				List.of(new SimpleGrantedAuthority(role.authority()))));
		SecurityContextHolder.setContext(context);
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}
}
