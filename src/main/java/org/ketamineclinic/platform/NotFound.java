package org.ketamineclinic.platform;

/**
 * The record does not exist or the caller may not see it. Both give the same answer so that ids
 * from another clinic or another patient reveal nothing.
 */
public class NotFound extends RuntimeException {

	public NotFound(String resourceType, Object id) {
		super(resourceType + " " + id + " not found");
	}
}
