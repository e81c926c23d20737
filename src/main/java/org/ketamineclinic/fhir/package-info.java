/**
 * FHIR R4: the clinic's records as US Core 6.1.0 resources at /fhir (HAPI's RestfulServer), Bulk
 * Data export as NDJSON files, and import of transaction bundles from other systems. Reads and
 * searches go straight to the modules' tables in batches, because a clinic-wide export cannot go
 * through per-patient use cases; every read is audited here, under the same clinic scoping and
 * roles as the JSON API. Imports go through the owning modules' APIs, so their checks apply.
 */
@NullMarked
@ApplicationModule(displayName = "FHIR", allowedDependencies = { "identity", "audit", "patient", "assessment", "protocol",
		"session", "evaluation", "scheduling", "platform" })
package org.ketamineclinic.fhir;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
