package org.ketamineclinic.platform;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The record does not exist or the caller may not see it. Both give the same answer so that ids
 * from another clinic or another patient reveal nothing. The API answers with a problem document
 * ({@link ApiProblems}); the annotation gives the web pages the plain 404 page instead of a 500.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class NotFound extends RuntimeException {

	public NotFound(String resourceType, Object id) {
		super(resourceType + " " + id + " not found");
	}
}
