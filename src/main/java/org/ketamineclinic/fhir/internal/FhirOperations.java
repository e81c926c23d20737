package org.ketamineclinic.fhir.internal;

/**
 * A plain HAPI provider (system-level operations such as `$export` or the transaction endpoint)
 * for the RestfulServer to register; resource providers implement HAPI's IResourceProvider instead.
 */
interface FhirOperations {
}
