package org.ketamineclinic.fhir.internal;

import java.util.Optional;
import java.util.UUID;

import org.hl7.fhir.instance.model.api.IIdType;

/** Resource ids on the wire are the records' own UUIDs; anything else is simply not found. */
final class FhirIds {

	/** The identifier system of the clinic's medical record numbers. */
	static final String MRN_SYSTEM = "https://ketamineclinic.org/fhir/sid/mrn";

	private FhirIds() {
	}

	static Optional<UUID> uuid(IIdType id) {
		return uuid(id.getIdPart());
	}

	static Optional<UUID> uuid(String idPart) {
		try {
			return Optional.of(UUID.fromString(idPart));
		}
		catch (IllegalArgumentException | NullPointerException notAUuid) {
			return Optional.empty();
		}
	}
}
