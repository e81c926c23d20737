package org.ketamineclinic.fhir.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import ca.uhn.fhir.model.api.Include;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.IncludeParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.jspecify.annotations.Nullable;
import org.ketamineclinic.evaluation.Route;
import org.ketamineclinic.identity.ClinicId;
import org.ketamineclinic.identity.ClinicUser;
import org.ketamineclinic.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * MedicationAdministration: one per dose charted in a dosing session (an infusion, an injection or
 * an esketamine device). The drug is a contained Medication so the lot sits in the standard
 * `batch.lotNumber`; the context is the session's Encounter. US Core has no profile for it.
 */
@Component
class MedicationAdministrationProvider implements IResourceProvider, PatientCompartment {

	static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
	static final String SNOMED = "http://snomed.info/sct";
	static final String UCUM = "http://unitsofmeasure.org";
	private static final String PERFORM_FUNCTION = "http://terminology.hl7.org/CodeSystem/med-admin-perform-function";

	/**
	 * The dose, its session, who charted it, and the signed order's pump rate for a course session
	 * (the current order of that course session; voided ones are not what was given).
	 */
	private static final String SELECT = "SELECT a.id, a.session_id, a.lot, a.dose_mg, a.started_at, a.duration_minutes, "
			+ "a.device_number, a.recorded_by, a.recorded_at, a.checked_by, s.patient_id, s.route, u.display_name AS recorded_name, "
			+ "cu.display_name AS checked_name, "
			+ "o.infusion_rate_ml_per_hour "
			+ "FROM session_administration a JOIN dosing_session s ON s.id = a.session_id "
			+ "LEFT JOIN user_account u ON u.username = a.recorded_by "
			+ "LEFT JOIN user_account cu ON cu.username = a.checked_by "
			+ "LEFT JOIN dose_order o ON o.course_id = s.course_id AND o.session_number = s.course_session_number "
			+ "AND o.voided_at IS NULL "
			+ "WHERE s.clinic_id = :clinic";

	private final JdbcClient jdbc;
	private final FhirAccess access;
	private final PatientProvider patients;
	private final EncounterProvider encounters;

	MedicationAdministrationProvider(JdbcClient jdbc, FhirAccess access, PatientProvider patients, EncounterProvider encounters) {
		this.jdbc = jdbc;
		this.access = access;
		this.patients = patients;
		this.encounters = encounters;
	}

	@Override
	public Class<MedicationAdministration> getResourceType() {
		return MedicationAdministration.class;
	}

	@Override
	public String resourceType() {
		return "MedicationAdministration";
	}

	@Override
	public Set<Role> roles() {
		return FhirAccess.CLINICAL;
	}

	@Read
	public MedicationAdministration read(@IdParam IdType id) {
		return access.read(resourceType(), roles(), id, (user, administrationId) -> jdbc.sql(SELECT + " AND a.id = :id")
			.param("clinic", user.clinicId().value()).param("id", administrationId).query((rs, row) -> administration(rs)).optional(),
				MedicationAdministration::getSubject);
	}

	@Search
	public List<MedicationAdministration> search(
			@OptionalParam(name = MedicationAdministration.SP_PATIENT) @Nullable ReferenceParam patient,
			@OptionalParam(name = MedicationAdministration.SP_SUBJECT) @Nullable ReferenceParam subject,
			@OptionalParam(name = MedicationAdministration.SP_EFFECTIVE_TIME) @Nullable DateRangeParam effectiveTime,
			@OptionalParam(name = "date") @Nullable DateRangeParam date,
			@OptionalParam(name = MedicationAdministration.SP_CONTEXT) @Nullable ReferenceParam context,
			@IncludeParam(allow = { "MedicationAdministration:patient", "MedicationAdministration:subject",
					"MedicationAdministration:context" }) @Nullable Set<Include> includes) {
		ClinicUser user = access.require(resourceType(), roles());
		EncounterSearch search = new EncounterSearch(SELECT, user, "s.patient_id")
			.patient(patient, "s.patient_id", "patient")
			.patient(subject, "s.patient_id", "subject")
			.date(effectiveTime, "a.started_at")
			.date(date, "a.started_at");
		if (context != null) {
			var sessionId = FhirIds.uuid(context.getIdPart());
			if (sessionId.isEmpty() || (context.getResourceType() != null && !"Encounter".equals(context.getResourceType()))) {
				access.searched(resourceType(), 0);
				return List.of();
			}
			search.sql.append(" AND a.session_id = :session");
			search.params.put("session", sessionId.get());
		}
		if (search.empty()) {
			access.searched(resourceType(), 0);
			return List.of();
		}
		search.sql.append(" ORDER BY a.started_at DESC, a.id LIMIT 5000");
		List<MedicationAdministration> found = jdbc.sql(search.sql.toString()).params(search.params)
			.query((rs, row) -> administration(rs)).list();
		EncounterSearch.audit(access, user, resourceType(), found,
				r -> FhirAccess.patientOf(((MedicationAdministration) r).getSubject()));
		if (EncounterSearch.includes(includes, resourceType(), MedicationAdministration.SP_PATIENT,
				MedicationAdministration.SP_SUBJECT)) {
			EncounterSearch.includePatients(found, MedicationAdministration::getSubject, patients, access, user);
		}
		if (EncounterSearch.includes(includes, resourceType(), MedicationAdministration.SP_CONTEXT)) {
			includeEncounters(found, user);
		}
		return found;
	}

	private void includeEncounters(List<MedicationAdministration> found, ClinicUser user) {
		Set<UUID> sessionIds = new LinkedHashSet<>();
		found.forEach(administration -> sessionIds.add(UUID.fromString(administration.getContext().getReferenceElement().getIdPart())));
		Map<String, Encounter> byId = new HashMap<>();
		for (Encounter encounter : encounters.bySessions(user.clinicId(), sessionIds)) {
			byId.put(encounter.getIdPart(), encounter);
			access.audited(user, FhirAccess.patientOf(encounter.getSubject()), "Encounter", encounter.getIdPart());
		}
		for (MedicationAdministration administration : found) {
			Encounter encounter = byId.get(administration.getContext().getReferenceElement().getIdPart());
			if (encounter != null) {
				administration.getContext().setResource(encounter);
			}
		}
	}

	@Override
	public List<MedicationAdministration> forPatients(ClinicId clinic, Collection<UUID> patientIds, @Nullable Instant since) {
		if (patientIds.isEmpty()) {
			return List.of();
		}
		Map<String, Object> params = new HashMap<>();
		params.put("clinic", clinic.value());
		params.put("ids", patientIds);
		String sql = SELECT + " AND s.patient_id IN (:ids)" + EncounterSearch.since(since, "a.recorded_at", params)
				+ " ORDER BY s.patient_id, a.started_at, a.id";
		return jdbc.sql(sql).params(params).query((rs, row) -> administration(rs)).list();
	}

	static CodeableConcept medicationCode(Route route) {
		CodeableConcept code = new CodeableConcept();
		if (route == Route.IN_ESKETAMINE) {
			code.addCoding(new Coding(RXNORM, "2201623", "esketamine 28 MG per actuation nasal spray"));
			return code.setText("Esketamine nasal spray 28 mg device");
		}
		// RxNorm 6130 is the ketamine ingredient as widely cited; the clinic has not confirmed it, so the text says what was given.
		code.addCoding(new Coding(RXNORM, "6130", "ketamine"));
		return code.setText("Ketamine hydrochloride (racemic) injection");
	}

	static CodeableConcept route(Route route) {
		return switch (route) {
			case IV_KETAMINE -> new CodeableConcept().addCoding(new Coding(SNOMED, "47625008", "Intravenous route"))
				.setText("Intravenous");
			case IM_KETAMINE -> new CodeableConcept().addCoding(new Coding(SNOMED, "78421000", "Intramuscular route"))
				.setText("Intramuscular");
			case IN_ESKETAMINE -> new CodeableConcept().addCoding(new Coding(SNOMED, "46713006", "Nasal route"))
				.setText("Intranasal");
		};
	}

	private static CodeableConcept performFunction(String code, String display) {
		return new CodeableConcept().addCoding(new Coding(PERFORM_FUNCTION, code, display));
	}

	private static MedicationAdministration administration(ResultSet rs) throws SQLException {
		MedicationAdministration administration = new MedicationAdministration();
		administration.setId(rs.getString("id"));
		administration.getMeta().setLastUpdated(EncounterProvider.date(rs, "recorded_at"));
		Route route = Route.valueOf(rs.getString("route"));
		Medication medication = new Medication();
		medication.setId("med");
		medication.setCode(medicationCode(route));
		medication.getBatch().setLotNumber(rs.getString("lot"));
		administration.addContained(medication);
		administration.setMedication(new Reference("#med"));
		administration.setStatus(MedicationAdministration.MedicationAdministrationStatus.COMPLETED);
		administration.setSubject(new Reference("Patient/" + rs.getString("patient_id")));
		administration.setContext(new Reference("Encounter/" + rs.getString("session_id")));
		Date started = EncounterProvider.date(rs, "started_at");
		int minutes = rs.getInt("duration_minutes");
		boolean infusion = !rs.wasNull();
		if (infusion) {
			administration.setEffective(new Period().setStart(started).setEnd(new Date(started.getTime() + minutes * 60_000L)));
		}
		else {
			administration.setEffective(new DateTimeType(started));
		}
		String name = rs.getString("recorded_name");
		administration.addPerformer().setFunction(performFunction("performer", "Performer"))
			.setActor(new Reference().setDisplay(name != null ? name : rs.getString("recorded_by")));
		String checkedBy = rs.getString("checked_by");
		if (checkedBy != null) {
			// The second person who checked an IV dose before it ran.
			String checkedName = rs.getString("checked_name");
			administration.addPerformer().setFunction(performFunction("verifier", "Verifier"))
				.setActor(new Reference().setDisplay(checkedName != null ? checkedName : checkedBy));
		}
		BigDecimal dose = rs.getBigDecimal("dose_mg").stripTrailingZeros();
		var dosage = administration.getDosage();
		dosage.setRoute(route(route));
		dosage.setDose(new Quantity().setValue(dose).setUnit("mg").setSystem(UCUM).setCode("mg"));
		int device = rs.getInt("device_number");
		String text = dose.toPlainString() + " mg";
		if (!rs.wasNull()) {
			text += ", device " + device;
		}
		if (infusion) {
			BigDecimal pumpRate = rs.getBigDecimal("infusion_rate_ml_per_hour");
			if (pumpRate != null) {
				// The signed order's pump rate is what the nurse ran.
				dosage.setRate(new Quantity().setValue(pumpRate.stripTrailingZeros()).setUnit("mL/h").setSystem(UCUM).setCode("mL/h"));
			}
			else {
				BigDecimal mgPerHour = dose.multiply(BigDecimal.valueOf(60)).divide(BigDecimal.valueOf(minutes), 3, RoundingMode.HALF_UP)
					.stripTrailingZeros();
				dosage.setRate(new Quantity().setValue(mgPerHour).setUnit("mg/h").setSystem(UCUM).setCode("mg/h"));
			}
			text += " over " + minutes + " minutes";
		}
		dosage.setText(text);
		return administration;
	}
}
