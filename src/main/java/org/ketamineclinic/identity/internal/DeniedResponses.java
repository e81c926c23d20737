package org.ketamineclinic.identity.internal;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.ketamineclinic.identity.AccessDenied;
import org.ketamineclinic.identity.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/** Answers refused requests (401/403) and has each refusal recorded in the audit. */
final class DeniedResponses {

	private DeniedResponses() {
	}

	static AuthenticationEntryPoint apiEntryPoint(ApplicationEventPublisher events) {
		return (request, response, failure) -> {
			events.publishEvent(new AccessDenied(null, request.getMethod(), request.getRequestURI(), request.getRemoteAddr()));
			response.setHeader("WWW-Authenticate", "Bearer");
			String detail = "Send Authorization: Bearer <token> from POST /api/v1/auth/token; the token may be missing, expired or revoked.";
			if (isFhir(request)) {
				writeOperationOutcome(response, HttpStatus.UNAUTHORIZED, "login", detail);
				return;
			}
			writeProblem(response, HttpStatus.UNAUTHORIZED, "Not authenticated", detail);
		};
	}

	static AccessDeniedHandler apiAccessDenied(ApplicationEventPublisher events, CurrentUser currentUser) {
		return (request, response, denied) -> {
			publish(events, currentUser, request);
			if (isFhir(request)) {
				writeOperationOutcome(response, HttpStatus.FORBIDDEN, "forbidden", "Your role does not allow this action.");
				return;
			}
			writeProblem(response, HttpStatus.FORBIDDEN, "Forbidden", "Your role does not allow this action.");
		};
	}

	static AuthenticationEntryPoint webEntryPoint(ApplicationEventPublisher events) {
		LoginUrlAuthenticationEntryPoint login = new LoginUrlAuthenticationEntryPoint("/login");
		return (request, response, failure) -> {
			events.publishEvent(new AccessDenied(null, request.getMethod(), request.getRequestURI(), request.getRemoteAddr()));
			login.commence(request, response, failure);
		};
	}

	static AccessDeniedHandler webAccessDenied(ApplicationEventPublisher events, CurrentUser currentUser) {
		return (HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied) -> {
			publish(events, currentUser, request);
			response.sendError(HttpStatus.FORBIDDEN.value());
		};
	}

	private static void publish(ApplicationEventPublisher events, CurrentUser currentUser, HttpServletRequest request) {
		events.publishEvent(new AccessDenied(currentUser.find().orElse(null), request.getMethod(), request.getRequestURI(),
				request.getRemoteAddr()));
	}

	/** FHIR clients read errors as an OperationOutcome, not as problem+json. */
	private static boolean isFhir(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.equals("/fhir") || path.startsWith("/fhir/");
	}

	private static void writeOperationOutcome(HttpServletResponse response, HttpStatus status, String issueType, String detail)
			throws IOException {
		response.setStatus(status.value());
		response.setContentType("application/fhir+json");
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write("{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\""
				+ issueType + "\",\"diagnostics\":\"" + detail + "\"}]}");
	}

	static void writeProblem(HttpServletResponse response, HttpStatus status, String title, String detail) throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write("{\"type\":\"about:blank\",\"status\":" + status.value() + ",\"title\":\"" + title
				+ "\",\"detail\":\"" + detail + "\"}");
	}

}
