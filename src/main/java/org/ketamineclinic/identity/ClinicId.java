package org.ketamineclinic.identity;

import java.io.Serializable;
import java.util.UUID;

/** A clinic: the tenant every clinical row belongs to. */
public record ClinicId(UUID value) implements Serializable {

	public ClinicId {
		if (value == null) {
			throw new IllegalArgumentException("clinic id is required");
		}
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
