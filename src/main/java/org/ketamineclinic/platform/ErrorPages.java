package org.ketamineclinic.platform;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The one error page people see: a plain sentence and the correlation id, never a stack trace,
 * exception text or submitted value. API paths get a problem document instead.
 */
@Controller
class ErrorPages implements ErrorController {

	private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

	@RequestMapping(value = "/error", produces = "text/html")
	ModelAndView page(HttpServletRequest request) {
		HttpStatus status = status(request);
		logUnexpected(request, status);
		return new ModelAndView("error", Map.of(
				"status", status.value(),
				"message", sentence(status),
				"correlationId", String.valueOf(request.getAttribute(CorrelationIdFilter.ATTRIBUTE))), status);
	}

	@RequestMapping("/error")
	ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
		HttpStatus status = status(request);
		logUnexpected(request, status);
		ResponseEntity<ProblemDetail> response = ApiProblems.problem(status, status.getReasonPhrase(), sentence(status));
		response.getBody().setProperty("correlationId", request.getAttribute(CorrelationIdFilter.ATTRIBUTE));
		return response;
	}

	private static void logUnexpected(HttpServletRequest request, HttpStatus status) {
		if (status.is5xxServerError() && request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure) {
			log.error("Unexpected error (correlation id {})", request.getAttribute(CorrelationIdFilter.ATTRIBUTE), failure);
		}
	}

	private static HttpStatus status(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
		return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
	}

	private static String sentence(HttpStatus status) {
		return switch (status) {
			case NOT_FOUND -> "This page or record does not exist, or you are not allowed to see it.";
			case FORBIDDEN -> "Your role does not allow this action.";
			case UNAUTHORIZED -> "Please sign in.";
			case CONFLICT -> "Someone else changed this record. Reload and try again.";
			case BAD_REQUEST -> "The request could not be understood.";
			default -> "Something went wrong on our side. The team can trace it with the reference below.";
		};
	}
}
