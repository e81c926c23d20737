package org.ketamineclinic.identity.internal;

import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/auth/token")
class TokenApi {

	record TokenRequest(@NotBlank String username, @NotBlank String password, @Nullable String totp) {
	}

	record TokenResponse(String token, Instant expiresAt) {
	}

	private final ApiTokenService tokens;

	TokenApi(ApiTokenService tokens) {
		this.tokens = tokens;
	}

	@PostMapping
	TokenResponse issue(@Valid @RequestBody TokenRequest request, HttpServletRequest http) {
		ApiTokenService.IssuedToken issued = tokens.issue(request.username(), request.password(), request.totp(), http.getRemoteAddr());
		return new TokenResponse(issued.token(), issued.expiresAt());
	}

	/** Revokes the token that makes this call: what a script does when it finishes. */
	@DeleteMapping
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void revokeThisToken(@RequestHeader("Authorization") String authorization) {
		tokens.revokeByValue(authorization.substring("Bearer ".length()).strip());
	}

	@ExceptionHandler(AuthenticationException.class)
	ResponseEntity<ProblemDetail> refused(AuthenticationException refused) {
		String detail = refused instanceof LockedException
				? "Too many failed attempts: the account is locked for a while. Try again later or ask an administrator."
				: "Invalid username, password or authentication code.";
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, detail);
		problem.setTitle("Not authenticated");
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(problem);
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<ProblemDetail> mfaMissing(AccessDeniedException denied) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, denied.getMessage());
		problem.setTitle("Forbidden");
		return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem);
	}
}
