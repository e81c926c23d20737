package org.ketamineclinic.platform;

/** The request clashes with the current state (a stale version, a taken slot, a balance). */
public class Conflict extends RuntimeException {

	public Conflict(String message) {
		super(message);
	}
}
