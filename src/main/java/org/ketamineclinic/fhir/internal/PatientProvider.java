package org.ketamineclinic.fhir.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.jspecify.annotations.Nullable;
import org.ketamineclinic.identity.ClinicId;
import org.ketamineclinic.identity.ClinicUser;
import org.ketamineclinic.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** US Core Patient: read, and search by id, MRN, name, birth date and gender. */
@Component
class PatientProvider implements IResourceProvider, PatientCompartment {

	static final String PROFILE = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient";
	private static final String BIRTH_SEX = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-birthsex";
	private static final String COLUMNS = "id, mrn, given_name, family_name, birth_date, sex_at_birth, phone, email, address_line, "
			+ "city, region, postal_code, preferred_language, coalesce(changed_at, created_at) AS last_updated";

	private final JdbcClient jdbc;
	private final FhirAccess access;

	PatientProvider(JdbcClient jdbc, FhirAccess access) {
		this.jdbc = jdbc;
		this.access = access;
	}

	@Override
	public Class<Patient> getResourceType() {
		return Patient.class;
	}

	@Override
	public String resourceType() {
		return "Patient";
	}

	@Override
	public Set<Role> roles() {
		return FhirAccess.DEMOGRAPHIC;
	}

	@Read
	public Patient read(@IdParam IdType id) {
		ClinicUser user = access.require("Patient", roles());
		UUID patientId = FhirIds.uuid(id).orElseThrow(() -> FhirAccess.notFound("Patient", id.getIdPart()));
		UUID own = FhirAccess.ownPatient(user);
		if (own != null && !own.equals(patientId)) {
			throw FhirAccess.notFound("Patient", id.getIdPart());
		}
		Patient patient = forPatients(user.clinicId(), List.of(patientId), null).stream().findFirst()
			.orElseThrow(() -> FhirAccess.notFound("Patient", id.getIdPart()));
		access.audited(user, patientId, "Patient", patientId);
		return patient;
	}

	@Search
	public List<Patient> search(@OptionalParam(name = Patient.SP_RES_ID) @Nullable TokenParam resourceId,
			@OptionalParam(name = Patient.SP_IDENTIFIER) @Nullable TokenParam identifier,
			@OptionalParam(name = Patient.SP_NAME) @Nullable StringParam name,
			@OptionalParam(name = Patient.SP_FAMILY) @Nullable StringParam family,
			@OptionalParam(name = Patient.SP_GIVEN) @Nullable StringParam given,
			@OptionalParam(name = Patient.SP_BIRTHDATE) @Nullable DateRangeParam birthDate,
			@OptionalParam(name = Patient.SP_GENDER) @Nullable TokenParam gender) {
		ClinicUser user = access.require("Patient", roles());
		StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM patient WHERE clinic_id = :clinic AND voided_at IS NULL");
		var params = new java.util.HashMap<String, Object>();
		params.put("clinic", user.clinicId().value());
		UUID own = FhirAccess.ownPatient(user);
		if (own != null) {
			sql.append(" AND id = :own");
			params.put("own", own);
		}
		if (resourceId != null) {
			sql.append(" AND id = :id");
			params.put("id", FhirIds.uuid(resourceId.getValue()).orElse(new UUID(0, 0)));
		}
		if (identifier != null) {
			if (identifier.getSystem() != null && !identifier.getSystem().isBlank()
					&& !FhirIds.MRN_SYSTEM.equals(identifier.getSystem())) {
				return List.of();
			}
			sql.append(" AND mrn = :mrn");
			params.put("mrn", identifier.getValue());
		}
		nameCondition(sql, params, "name", name, "(lower(family_name) LIKE :name OR lower(given_name) LIKE :name)");
		nameCondition(sql, params, "family", family, "lower(family_name) LIKE :family");
		nameCondition(sql, params, "given", given, "lower(given_name) LIKE :given");
		if (birthDate != null) {
			DateParam lower = birthDate.getLowerBound();
			DateParam upper = birthDate.getUpperBound();
			if (lower != null) {
				sql.append(" AND birth_date >= CAST(:birthFrom AS DATE)");
				params.put("birthFrom", birthDate.getLowerBoundAsInstant().toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate().toString());
			}
			if (upper != null) {
				sql.append(" AND birth_date <= CAST(:birthTo AS DATE)");
				params.put("birthTo", birthDate.getUpperBoundAsInstant().toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate().toString());
			}
		}
		if (gender != null) {
			sql.append(" AND sex_at_birth = :sex");
			params.put("sex", gender.getValue() == null ? "" : gender.getValue().toUpperCase(java.util.Locale.ROOT));
		}
		sql.append(" ORDER BY family_name, given_name, id LIMIT 5000");
		List<Patient> patients = jdbc.sql(sql.toString()).params(params).query((rs, row) -> patient(rs)).list();
		access.searched("Patient", patients.size());
		for (Patient patient : patients) {
			access.audited(user, UUID.fromString(patient.getIdPart()), "Patient", patient.getIdPart());
		}
		return patients;
	}

	private static void nameCondition(StringBuilder sql, java.util.Map<String, Object> params, String key,
			@Nullable StringParam value, String condition) {
		if (value != null && value.getValue() != null && !value.getValue().isBlank()) {
			sql.append(" AND ").append(condition);
			String text = value.getValue().toLowerCase(java.util.Locale.ROOT).replace("%", "").replace("_", "");
			params.put(key, value.isExact() ? text : text + "%");
		}
	}

	@Override
	public List<Patient> forPatients(ClinicId clinic, Collection<UUID> patientIds, @Nullable Instant since) {
		if (patientIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT " + COLUMNS + " FROM patient WHERE clinic_id = :clinic AND voided_at IS NULL AND id IN (:ids)"
				+ (since == null ? "" : " AND coalesce(changed_at, created_at) > :since") + " ORDER BY id")
			.param("clinic", clinic.value())
			.param("ids", patientIds)
			.params(since == null ? java.util.Map.of() : java.util.Map.of("since", OffsetDateTime.ofInstant(since, java.time.ZoneOffset.UTC)))
			.query((rs, row) -> patient(rs))
			.list();
	}

	static Patient patient(ResultSet rs) throws SQLException {
		Patient patient = new Patient();
		patient.setId(rs.getString("id"));
		patient.getMeta().addProfile(PROFILE).setLastUpdated(Date.from(rs.getObject("last_updated", OffsetDateTime.class).toInstant()));
		patient.addIdentifier(new Identifier().setUse(Identifier.IdentifierUse.USUAL).setSystem(FhirIds.MRN_SYSTEM)
			.setValue(rs.getString("mrn"))
			.setType(new org.hl7.fhir.r4.model.CodeableConcept().addCoding(new org.hl7.fhir.r4.model.Coding(
					"http://terminology.hl7.org/CodeSystem/v2-0203", "MR", "Medical record number"))));
		patient.addName().setUse(org.hl7.fhir.r4.model.HumanName.NameUse.OFFICIAL).setFamily(rs.getString("family_name"))
			.addGiven(rs.getString("given_name"));
		patient.setBirthDate(java.sql.Date.valueOf(rs.getObject("birth_date", java.time.LocalDate.class)));
		String sex = rs.getString("sex_at_birth");
		patient.setGender(switch (sex) {
			case "FEMALE" -> AdministrativeGender.FEMALE;
			case "MALE" -> AdministrativeGender.MALE;
			case "OTHER" -> AdministrativeGender.OTHER;
			default -> AdministrativeGender.UNKNOWN;
		});
		patient.addExtension(BIRTH_SEX, new CodeType(switch (sex) {
			case "FEMALE" -> "F";
			case "MALE" -> "M";
			default -> "UNK";
		}));
		String phone = rs.getString("phone");
		if (phone != null) {
			patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(phone);
		}
		String email = rs.getString("email");
		if (email != null) {
			patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue(email);
		}
		String city = rs.getString("city");
		String line = rs.getString("address_line");
		if (city != null || line != null) {
			var address = patient.addAddress().setCity(city).setState(rs.getString("region")).setPostalCode(rs.getString("postal_code"));
			if (line != null) {
				address.addLine(line);
			}
		}
		String language = rs.getString("preferred_language");
		if (language != null) {
			patient.addCommunication().setLanguage(new org.hl7.fhir.r4.model.CodeableConcept().setText(language));
		}
		return patient;
	}

	static List<UUID> ids(Collection<? extends org.hl7.fhir.r4.model.Resource> resources) {
		List<UUID> ids = new ArrayList<>();
		resources.forEach(resource -> ids.add(UUID.fromString(resource.getIdElement().getIdPart())));
		return ids;
	}
}
