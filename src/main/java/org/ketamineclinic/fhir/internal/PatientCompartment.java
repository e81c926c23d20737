package org.ketamineclinic.fhir.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;
import org.ketamineclinic.identity.ClinicId;
import org.ketamineclinic.identity.Role;

/**
 * One resource type of the patient compartment, read in batches: the search providers ask for one
 * patient, the bulk export for a thousand at a time. Implementations read the owning module's
 * tables, inside the given clinic only, and leave out voided entries.
 */
interface PatientCompartment {

	/** The FHIR resource type, e.g. "Observation". */
	String resourceType();

	/** The roles that may read it (see {@link FhirAccess}). */
	Set<Role> roles();

	/**
	 * @param since only resources created or changed after this instant (Bulk Data `_since`), or all when null
	 */
	List<? extends Resource> forPatients(ClinicId clinic, Collection<UUID> patientIds, @Nullable Instant since);
}
