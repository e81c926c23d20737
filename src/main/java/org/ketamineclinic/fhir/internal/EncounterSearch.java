package org.ketamineclinic.fhir.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import ca.uhn.fhir.model.api.Include;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;
import org.ketamineclinic.identity.ClinicId;
import org.ketamineclinic.identity.ClinicUser;

/**
 * The SQL conditions the session, scheduling and protocol resource searches share (patient, date
 * range, status), and `_include` of the referenced Patient. Named after Encounter, the resource the
 * others of a dosing session point at; used by the five providers of this branch.
 */
final class EncounterSearch {

	final StringBuilder sql;
	final Map<String, Object> params = new HashMap<>();
	private boolean empty;

	/** {@code base} ends in a WHERE clause that already restricts to {@code :clinic}. */
	EncounterSearch(String base, ClinicUser user, String patientColumn) {
		this.sql = new StringBuilder(base);
		params.put("clinic", user.clinicId().value());
		UUID own = FhirAccess.ownPatient(user);
		if (own != null) {
			sql.append(" AND ").append(patientColumn).append(" = :own");
			params.put("own", own);
		}
	}

	/** True when a condition can match nothing (e.g. a reference to something other than a Patient). */
	boolean empty() {
		return empty;
	}

	/** `patient=Patient/<id>` or `patient=<id>`; any other target type or a non-UUID id matches nothing. */
	EncounterSearch patient(@Nullable ReferenceParam reference, String column, String key) {
		if (reference == null) {
			return this;
		}
		String type = reference.getResourceType();
		if (type != null && !type.isBlank() && !"Patient".equals(type)) {
			empty = true;
			return this;
		}
		var id = FhirIds.uuid(reference.getIdPart());
		if (id.isEmpty()) {
			empty = true;
			return this;
		}
		sql.append(" AND ").append(column).append(" = :").append(key);
		params.put(key, id.get());
		return this;
	}

	/** `date=ge…&date=le…` on one instant column (precision-aware bounds from HAPI). */
	EncounterSearch date(@Nullable DateRangeParam range, String column) {
		if (range == null) {
			return this;
		}
		if (range.getLowerBound() != null && range.getLowerBoundAsInstant() != null) {
			sql.append(" AND ").append(column).append(" >= :dateFrom");
			params.put("dateFrom", OffsetDateTime.ofInstant(range.getLowerBoundAsInstant().toInstant(), ZoneOffset.UTC));
		}
		if (range.getUpperBound() != null && range.getUpperBoundAsInstant() != null) {
			sql.append(" AND ").append(column).append(" <= :dateTo");
			params.put("dateTo", OffsetDateTime.ofInstant(range.getUpperBoundAsInstant().toInstant(), ZoneOffset.UTC));
		}
		return this;
	}

	/** A period [start, end or open] overlapping the asked range. */
	EncounterSearch overlaps(@Nullable DateRangeParam range, String startColumn, String endColumn) {
		if (range == null) {
			return this;
		}
		if (range.getLowerBound() != null && range.getLowerBoundAsInstant() != null) {
			sql.append(" AND (").append(endColumn).append(" IS NULL OR ").append(endColumn).append(" >= :dateFrom)");
			params.put("dateFrom", OffsetDateTime.ofInstant(range.getLowerBoundAsInstant().toInstant(), ZoneOffset.UTC));
		}
		if (range.getUpperBound() != null && range.getUpperBoundAsInstant() != null) {
			sql.append(" AND ").append(startColumn).append(" <= :dateTo");
			params.put("dateTo", OffsetDateTime.ofInstant(range.getUpperBoundAsInstant().toInstant(), ZoneOffset.UTC));
		}
		return this;
	}

	/**
	 * `status=a,b`: the stored statuses whose FHIR code is one of those asked. A code that no
	 * stored status maps to matches nothing.
	 */
	<E extends Enum<E>> EncounterSearch status(@Nullable TokenOrListParam status, String column, Class<E> stored,
			Function<E, String> fhirCode) {
		if (status == null || status.getValuesAsQueryTokens().isEmpty()) {
			return this;
		}
		Set<String> asked = new LinkedHashSet<>();
		for (TokenParam token : status.getValuesAsQueryTokens()) {
			asked.add(token.getValue());
		}
		List<String> matching = new ArrayList<>();
		for (E value : stored.getEnumConstants()) {
			if (asked.contains(fhirCode.apply(value))) {
				matching.add(value.name());
			}
		}
		if (matching.isEmpty()) {
			empty = true;
			return this;
		}
		sql.append(" AND ").append(column).append(" IN (:statuses)");
		params.put("statuses", matching);
		return this;
	}

	/** The `since` condition of a bulk read, or nothing. */
	static String since(@Nullable Instant since, String column, Map<String, Object> params) {
		if (since == null) {
			return "";
		}
		params.put("since", OffsetDateTime.ofInstant(since, ZoneOffset.UTC));
		return " AND " + column + " > :since";
	}

	/** Whether `_include` asks for this search parameter of this type (or `*`). */
	static boolean includes(@Nullable Set<Include> includes, String resourceType, String... paramNames) {
		if (includes == null) {
			return false;
		}
		for (Include include : includes) {
			if ("*".equals(include.getValue())) {
				return true;
			}
			if (resourceType.equals(include.getParamType())) {
				for (String name : paramNames) {
					if (name.equals(include.getParamName())) {
						return true;
					}
				}
			}
		}
		return false;
	}

	/**
	 * Puts the Patient resource into each result's reference, which HAPI's bundle factory returns as
	 * an `include` entry once per patient. Each included Patient is an audited read.
	 */
	static <R extends Resource> void includePatients(Collection<R> results, Function<R, Reference> reference,
			PatientProvider patients, FhirAccess access, ClinicUser user) {
		Set<UUID> ids = new LinkedHashSet<>();
		for (R result : results) {
			FhirIds.uuid(reference.apply(result).getReferenceElement().getIdPart()).ifPresent(ids::add);
		}
		if (ids.isEmpty()) {
			return;
		}
		Map<String, Patient> byId = new HashMap<>();
		ClinicId clinic = user.clinicId();
		for (Patient patient : patients.forPatients(clinic, ids, null)) {
			byId.put(patient.getIdPart(), patient);
			access.audited(user, UUID.fromString(patient.getIdPart()), "Patient", patient.getIdPart());
		}
		for (R result : results) {
			Reference ref = reference.apply(result);
			Patient patient = byId.get(ref.getReferenceElement().getIdPart());
			if (patient != null) {
				ref.setResource(patient);
			}
		}
	}

	/**
	 * Audits a search: the count, and one read per patient whose records were returned (not one per
	 * resource: a page of 500 vital signs of one patient is one look at that patient).
	 */
	static void audit(FhirAccess access, ClinicUser user, String resourceType, List<? extends Resource> results,
			Function<Resource, UUID> patientOf) {
		access.searched(resourceType, results.size());
		Set<UUID> seen = new LinkedHashSet<>();
		results.forEach(result -> seen.add(patientOf.apply(result)));
		for (UUID patientId : seen) {
			access.audited(user, patientId, resourceType, "search");
		}
	}

}
