package org.ketamineclinic.fhir.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import ca.uhn.fhir.model.api.Include;
import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.IncludeParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.jspecify.annotations.Nullable;
import org.ketamineclinic.identity.ClinicId;
import org.ketamineclinic.identity.ClinicUser;
import org.ketamineclinic.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * US Core Condition (problems and health concerns) from the chart's diagnoses. The chart keeps no
 * resolution status, so a charted diagnosis is an active, confirmed problem-list item until voided.
 */
@Component
class ConditionProvider implements IResourceProvider, PatientCompartment {

	private static final String TYPE = "Condition";

	private final JdbcClient jdbc;
	private final FhirAccess access;
	private final PatientProvider patients;

	ConditionProvider(JdbcClient jdbc, FhirAccess access, PatientProvider patients) {
		this.jdbc = jdbc;
		this.access = access;
		this.patients = patients;
	}

	@Override
	public Class<Condition> getResourceType() {
		return Condition.class;
	}

	@Override
	public String resourceType() {
		return TYPE;
	}

	@Override
	public Set<Role> roles() {
		return FhirAccess.CLINICAL;
	}

	@Read
	public Condition read(@IdParam IdType id) {
		return access.read(TYPE, roles(), id, (user, row) -> load(user.clinicId(), null, null, row).stream().findFirst(),
				Condition::getSubject);
	}

	@Search
	public List<Condition> search(@OptionalParam(name = Condition.SP_PATIENT) @Nullable ReferenceParam patient,
			@OptionalParam(name = Condition.SP_SUBJECT) @Nullable ReferenceParam subject,
			@OptionalParam(name = Condition.SP_CODE) @Nullable TokenOrListParam code,
			@OptionalParam(name = Condition.SP_CATEGORY) @Nullable TokenOrListParam category,
			@IncludeParam(allow = { "Condition:patient", "Condition:subject" }) @Nullable Set<Include> includes) {
		ClinicUser user = access.require(TYPE, roles());
		List<UUID> scope = FhirAccess.patientScope(user, patient, subject, "Condition");
		if (scope.isEmpty()) {
			access.searched(TYPE, 0);
			return List.of();
		}
		List<Condition> found = new ArrayList<>(load(user.clinicId(), scope, null, null).stream()
			.filter(c -> ObservationProvider.matches(code, List.of(c.getCode()))
					&& ObservationProvider.matches(category, c.getCategory()))
			.toList());
		EncounterSearch.audit(access, user, TYPE, found, r -> patientOf((Condition) r));
		if (includes != null && !includes.isEmpty()) {
			EncounterSearch.includePatients(found, Condition::getSubject, patients, access, user);
		}
		return found;
	}

	@Override
	public List<Condition> forPatients(ClinicId clinic, Collection<UUID> patientIds, @Nullable Instant since) {
		return patientIds.isEmpty() ? List.of() : load(clinic, patientIds, since, null);
	}

	private static UUID patientOf(Condition condition) {
		return UUID.fromString(condition.getSubject().getReferenceElement().getIdPart());
	}

	private List<Condition> load(ClinicId clinic, @Nullable Collection<UUID> patientIds, @Nullable Instant since, @Nullable UUID row) {
		Map<String, Object> params = new HashMap<>();
		params.put("clinic", clinic.value());
		StringBuilder sql = new StringBuilder("SELECT c.id, c.patient_id, c.code, c.code_system, c.display, c.onset_date, c.created_at "
				+ "FROM patient_condition c JOIN patient p ON p.id = c.patient_id AND p.voided_at IS NULL "
				+ "WHERE c.clinic_id = :clinic AND c.voided_at IS NULL");
		if (patientIds != null) {
			sql.append(" AND c.patient_id IN (:ids)");
			params.put("ids", patientIds);
		}
		if (since != null) {
			sql.append(" AND c.created_at > :since");
			params.put("since", OffsetDateTime.ofInstant(since, ZoneOffset.UTC));
		}
		if (row != null) {
			sql.append(" AND c.id = :row");
			params.put("row", row);
		}
		sql.append(" ORDER BY c.created_at, c.id");
		return jdbc.sql(sql.toString()).params(params).query((rs, n) -> condition(rs)).list();
	}

	private static Condition condition(ResultSet rs) throws SQLException {
		Condition condition = new Condition();
		condition.setId(rs.getString("id"));
		Instant created = rs.getObject("created_at", OffsetDateTime.class).toInstant();
		condition.getMeta().addProfile(FhirCodes.PROFILE_CONDITION).setLastUpdated(Date.from(created));
		condition.setClinicalStatus(new CodeableConcept().addCoding(new Coding(FhirCodes.CONDITION_CLINICAL, "active", "Active")));
		condition.setVerificationStatus(new CodeableConcept().addCoding(
				new Coding(FhirCodes.CONDITION_VERIFICATION, "confirmed", "Confirmed")));
		condition.addCategory(new CodeableConcept().addCoding(
				new Coding(FhirCodes.CONDITION_CATEGORY, "problem-list-item", "Problem List Item")));
		String system = "SNOMED".equals(rs.getString("code_system")) ? FhirCodes.SNOMED : FhirCodes.ICD10_CM;
		String display = rs.getString("display");
		Coding coding = new Coding(system, rs.getString("code"), display);
		condition.setCode(new CodeableConcept().addCoding(coding).setText(display != null ? display : rs.getString("code")));
		condition.setSubject(new Reference("Patient/" + rs.getString("patient_id")));
		LocalDate onset = rs.getObject("onset_date", LocalDate.class);
		if (onset != null) {
			condition.setOnset(new DateTimeType(java.sql.Date.valueOf(onset), TemporalPrecisionEnum.DAY));
		}
		condition.setRecordedDateElement(new DateTimeType(Date.from(created)));
		return condition;
	}
}
