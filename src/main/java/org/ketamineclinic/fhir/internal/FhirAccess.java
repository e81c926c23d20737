package org.ketamineclinic.fhir.internal;

import java.util.Set;
import java.util.UUID;

import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.jspecify.annotations.Nullable;
import org.ketamineclinic.audit.AuditAction;
import org.ketamineclinic.audit.AuditTrail;
import org.ketamineclinic.identity.ClinicUser;
import org.ketamineclinic.identity.CurrentUser;
import org.ketamineclinic.identity.Role;
import org.springframework.stereotype.Component;

/**
 * Who may read what over FHIR: the same roles as the JSON API. Checked in code, not with method
 * security, because HAPI finds its annotated methods on the provider's own class and a security
 * proxy would hide them. A denial is audited and answered with a FHIR OperationOutcome.
 */
@Component
class FhirAccess {

	/** Clinical resources: the care team and the patient themself; not the front desk, not administrators. */
	static final Set<Role> CLINICAL = Set.of(Role.PHYSICIAN, Role.NURSE, Role.THERAPIST, Role.PATIENT);

	/** Demographics and appointments: also the front desk, who registers and books. */
	static final Set<Role> DEMOGRAPHIC = Set.of(Role.PHYSICIAN, Role.NURSE, Role.THERAPIST, Role.FRONT_DESK, Role.PATIENT);

	private final CurrentUser currentUser;
	private final AuditTrail audit;

	FhirAccess(CurrentUser currentUser, AuditTrail audit) {
		this.currentUser = currentUser;
		this.audit = audit;
	}

	/** The signed-in user, if their role may read this resource type; otherwise 403, audited. */
	ClinicUser require(String resourceType, Set<Role> roles) {
		ClinicUser user = currentUser.find().orElseThrow(() -> new AuthenticationException("Sign in with a bearer token"));
		if (!roles.contains(user.role())) {
			audit.denied(null, resourceType, null, AuditAction.READ);
			throw new ForbiddenOperationException("The " + user.role().label() + " role may not read " + resourceType);
		}
		return user;
	}

	/**
	 * The one patient a patient token may see, or null for staff (who see their whole clinic).
	 * A patient asking for anyone else gets an empty answer, never an error that tells the record exists.
	 */
	static @Nullable UUID ownPatient(ClinicUser user) {
		return user.isPatient() ? user.patientId() : null;
	}

	/**
	 * The patients a compartment search covers: the `patient` (or `subject`) parameter, narrowed to
	 * the patient token's own record; null means the whole clinic (staff without a patient
	 * parameter), an empty list means nobody (a patient asking about someone else).
	 */
	static java.util.@Nullable List<UUID> searchScope(ClinicUser user, ca.uhn.fhir.rest.param.@Nullable ReferenceParam patient,
			ca.uhn.fhir.rest.param.@Nullable ReferenceParam subject) {
		UUID own = ownPatient(user);
		java.util.List<UUID> asked = new java.util.ArrayList<>();
		for (ca.uhn.fhir.rest.param.ReferenceParam reference : java.util.Arrays.asList(patient, subject)) {
			if (reference != null) {
				if (reference.getResourceType() != null && !"Patient".equals(reference.getResourceType())) {
					return java.util.List.of();
				}
				java.util.Optional<UUID> id = FhirIds.uuid(reference.getIdPart());
				if (id.isEmpty()) {
					return java.util.List.of();
				}
				asked.add(id.get());
			}
		}
		if (asked.stream().distinct().count() > 1) {
			return java.util.List.of();
		}
		if (own != null) {
			return asked.isEmpty() || asked.contains(own) ? java.util.List.of(own) : java.util.List.of();
		}
		return asked.isEmpty() ? null : java.util.List.of(asked.get(0));
	}

	/**
	 * Like {@link #searchScope}, for the types a clinic holds millions of (observations, answers,
	 * diagnoses): staff must name the patient; the whole clinic's data leaves through $export.
	 */
	static java.util.List<UUID> patientScope(ClinicUser user, ca.uhn.fhir.rest.param.@Nullable ReferenceParam patient,
			ca.uhn.fhir.rest.param.@Nullable ReferenceParam subject, String resourceType) {
		java.util.List<UUID> scope = searchScope(user, patient, subject);
		if (scope == null) {
			throw new ca.uhn.fhir.rest.server.exceptions.InvalidRequestException("Search " + resourceType
					+ " by patient (patient=<id>); the whole clinic's records are exported with $export");
		}
		return scope;
	}

	/**
	 * A read by id, the same for every type: the role, the id as a UUID, the record in the caller's
	 * clinic, a patient token limited to itself, the audit, and one 404 for every way of not
	 * finding it (so a 404 never tells that a record exists elsewhere).
	 */
	<R extends org.hl7.fhir.r4.model.Resource> R read(String resourceType, Set<Role> roles, org.hl7.fhir.instance.model.api.IIdType id,
			java.util.function.BiFunction<ClinicUser, UUID, java.util.Optional<R>> load,
			java.util.function.Function<R, org.hl7.fhir.r4.model.Reference> subject) {
		ClinicUser user = require(resourceType, roles);
		UUID row = FhirIds.uuid(id).orElseThrow(() -> notFound(resourceType, id.getIdPart()));
		UUID own = ownPatient(user);
		R found = load.apply(user, row)
			.filter(candidate -> own == null || own.equals(patientOf(subject.apply(candidate))))
			.orElseThrow(() -> notFound(resourceType, id.getIdPart()));
		audited(user, patientOf(subject.apply(found)), resourceType, row);
		return found;
	}

	static UUID patientOf(org.hl7.fhir.r4.model.Reference subject) {
		return UUID.fromString(subject.getReferenceElement().getIdPart());
	}

	static ResourceNotFoundException notFound(String resourceType, String id) {
		return new ResourceNotFoundException(resourceType + "/" + id + " is not known here");
	}

	void audited(ClinicUser user, UUID patientId, String resourceType, Object resourceId) {
		audit.read(patientId, "FHIR " + resourceType, resourceId);
	}

	void searched(String resourceType, int count) {
		audit.searched("FHIR " + resourceType, count);
	}
}
