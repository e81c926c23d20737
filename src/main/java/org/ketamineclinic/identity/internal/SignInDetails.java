package org.ketamineclinic.identity.internal;

import java.io.Serializable;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationDetailsSource;

/** What a sign-in brings besides username and password: the authenticator code and where it came from. */
record SignInDetails(@Nullable String totp, @Nullable String clientAddress, String channel) implements Serializable {

	static final class FromLoginForm implements AuthenticationDetailsSource<HttpServletRequest, SignInDetails> {

		@Override
		public SignInDetails buildDetails(HttpServletRequest request) {
			String code = request.getParameter("totp");
			return new SignInDetails(code == null || code.isBlank() ? null : code.strip(), request.getRemoteAddr(), "FORM");
		}
	}
}
