package org.ketamineclinic.fhir.internal;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import org.ketamineclinic.identity.ClinicId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The fhir_import_link table: which local record an imported resource became, per clinic and source key. */
@Repository
class ImportLinks {

	/** What an earlier import stored for a source key. */
	record Link(UUID localId, String location) {
	}

	private final JdbcClient jdbc;
	private final Clock clock;

	ImportLinks(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	Optional<Link> find(ClinicId clinic, String resourceType, String sourceKey) {
		return jdbc.sql("SELECT local_id, location FROM fhir_import_link WHERE clinic_id = ? AND resource_type = ? AND source_key = ?")
			.params(clinic.value(), resourceType, sourceKey)
			.query((rs, row) -> new Link(rs.getObject("local_id", UUID.class), rs.getString("location")))
			.optional();
	}

	/**
	 * Records a stored resource. A row already there means another import of the same bundle
	 * committed meanwhile: the whole transaction is refused (409) rather than storing twice.
	 */
	void add(ClinicId clinic, String resourceType, String sourceKey, UUID localId, String location, String by) {
		int inserted = jdbc.sql("""
				INSERT INTO fhir_import_link (clinic_id, resource_type, source_key, local_id, location, imported_at, imported_by)
				VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
			.params(clinic.value(), resourceType, sourceKey, localId, location,
					java.sql.Timestamp.from(clock.instant()), by)
			.update();
		if (inserted == 0) {
			throw new ResourceVersionConflictException(
					"A " + resourceType + " of this bundle was imported by another request at the same time; send the bundle again");
		}
	}
}
