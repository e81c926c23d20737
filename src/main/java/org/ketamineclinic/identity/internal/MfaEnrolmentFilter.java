package org.ketamineclinic.identity.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.ketamineclinic.identity.CurrentUser;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Where a role must use a second factor, a person who has not enrolled yet is sent to enrol
 * before they can open anything else.
 */
class MfaEnrolmentFilter extends OncePerRequestFilter {

	static final String ENROL_PATH = "/settings/mfa";

	private final CurrentUser currentUser;
	private final AccountAdministration administration;

	MfaEnrolmentFilter(CurrentUser currentUser, AccountAdministration administration) {
		this.currentUser = currentUser;
		this.administration = administration;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		boolean exempt = path.startsWith(ENROL_PATH) || path.equals("/logout") || path.startsWith("/css/")
				|| path.startsWith("/js/") || path.startsWith("/webjars/") || path.equals("/error");
		if (!exempt && currentUser.find().filter(administration::mfaMissing).isPresent()) {
			response.sendRedirect(request.getContextPath() + ENROL_PATH + "?required");
			return;
		}
		chain.doFilter(request, response);
	}
}
