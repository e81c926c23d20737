package org.ketamineclinic.platform;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The request clashes with the current state (a stale version, a taken slot, a balance). */
@ResponseStatus(HttpStatus.CONFLICT)
public class Conflict extends RuntimeException {

	public Conflict(String message) {
		super(message);
	}
}
