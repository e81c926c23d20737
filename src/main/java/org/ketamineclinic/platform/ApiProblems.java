package org.ketamineclinic.platform;

import java.net.URI;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns failures of the JSON API into RFC 9457 problem documents. Messages are written for the
 * caller and never echo submitted values or exception internals, so no patient data leaks.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblems {

	private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

	@ExceptionHandler(InvalidInput.class)
	ResponseEntity<ProblemDetail> invalid(InvalidInput invalid) {
		return validation(invalid.problems());
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ResponseEntity<ProblemDetail> notValid(MethodArgumentNotValidException invalid) {
		return validation(invalid.getBindingResult().getFieldErrors().stream()
			.map(error -> new FieldProblem(error.getField(), error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage()))
			.toList());
	}

	@ExceptionHandler({ HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class,
			MissingServletRequestParameterException.class })
	ResponseEntity<ProblemDetail> unreadable(Exception unreadable) {
		String detail = unreadable instanceof MissingServletRequestParameterException missing
				? "Missing parameter " + missing.getParameterName()
				: "The request body or a parameter could not be read: check field names, types and formats (ISO-8601 dates, enum codes).";
		return problem(HttpStatus.BAD_REQUEST, "Bad request", detail);
	}

	@ExceptionHandler(NotFound.class)
	ResponseEntity<ProblemDetail> notFound(NotFound notFound) {
		return problem(HttpStatus.NOT_FOUND, "Not found", notFound.getMessage());
	}

	@ExceptionHandler(NoResourceFoundException.class)
	ResponseEntity<ProblemDetail> noSuchPath(NoResourceFoundException noSuchPath) {
		return problem(HttpStatus.NOT_FOUND, "Not found", "No such endpoint");
	}

	@ExceptionHandler(Conflict.class)
	ResponseEntity<ProblemDetail> conflict(Conflict conflict) {
		return problem(HttpStatus.CONFLICT, "Conflict", conflict.getMessage());
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ResponseEntity<ProblemDetail> staleVersion(OptimisticLockingFailureException stale) {
		return problem(HttpStatus.CONFLICT, "Conflict",
				"The record was changed by someone else since you loaded it. Reload it and apply your change again.");
	}

	@ExceptionHandler(RuleViolation.class)
	ResponseEntity<ProblemDetail> ruleViolation(RuleViolation violation) {
		ResponseEntity<ProblemDetail> response = problem(HttpStatus.UNPROCESSABLE_CONTENT, "Blocked by a clinical rule",
				violation.getMessage());
		response.getBody().setProperty("findings", violation.findings());
		return response;
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException unsupported) {
		return problem(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed", "This endpoint does not accept " + unsupported.getMethod());
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException unsupported) {
		return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type", "Send application/json");
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception unexpected, HttpServletRequest request) throws Exception {
		if (unexpected instanceof AccessDeniedException || unexpected instanceof AuthenticationException) {
			// Spring Security's own handlers answer these, and record the denied attempt.
			throw unexpected;
		}
		Object correlationId = request.getAttribute(CorrelationIdFilter.ATTRIBUTE);
		log.error("Unexpected error in API call (correlation id {})", correlationId, unexpected);
		ResponseEntity<ProblemDetail> response = problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
				"Something went wrong. Quote correlation id " + correlationId + " when reporting it.");
		response.getBody().setProperty("correlationId", correlationId);
		return response;
	}

	static ResponseEntity<ProblemDetail> validation(List<FieldProblem> problems) {
		ResponseEntity<ProblemDetail> response = problem(HttpStatus.BAD_REQUEST, "Invalid input",
				"One or more fields are invalid; nothing was stored.");
		response.getBody().setProperty("errors", problems);
		return response;
	}

	public static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		problem.setType(URI.create("about:blank"));
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}
}
