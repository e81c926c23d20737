package org.ketamineclinic.platform;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The record does not exist or the caller may not see it. Both give the same answer so that ids
 * from another clinic or another patient reveal nothing. Pages answer 404 through the error page
 * (the API's problem handler answers first for API calls).
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class NotFound extends RuntimeException {

	public NotFound(String resourceType, Object id) {
		super(resourceType + " " + id + " not found");
	}
}
