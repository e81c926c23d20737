package org.ketamineclinic.fhir.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
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
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.jspecify.annotations.Nullable;
import org.ketamineclinic.evaluation.Route;
import org.ketamineclinic.identity.ClinicId;
import org.ketamineclinic.identity.ClinicUser;
import org.ketamineclinic.identity.Role;
import org.ketamineclinic.session.SessionStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * US Core Encounter: one per dosing session, its id the session's, so the session's vital signs,
 * doses and side effects point at it. Ambulatory, typed by route, from check-in to discharge.
 */
@Component
class EncounterProvider implements IResourceProvider, PatientCompartment {

	static final String PROFILE = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-encounter";
	static final String ROUTE_SYSTEM = "https://ketamineclinic.org/fhir/CodeSystem/dosing-session-route";
	private static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
	private static final String PARTICIPATION_TYPE = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";

	/** The session and the display names of who checked the patient in and discharged them. */
	private static final String SELECT = "SELECT s.id, s.patient_id, s.route, s.status, s.scheduled_start, "
			+ "s.checked_in_at, s.discharged_at, s.ended_at, s.chair_id, s.updated_at, s.checked_in_by, s.discharged_by, "
			+ "ci.display_name AS checked_in_name, dc.display_name AS discharged_name "
			+ "FROM dosing_session s "
			+ "LEFT JOIN user_account ci ON ci.username = s.checked_in_by "
			+ "LEFT JOIN user_account dc ON dc.username = s.discharged_by "
			+ "WHERE s.clinic_id = :clinic";

	private final JdbcClient jdbc;
	private final FhirAccess access;
	private final PatientProvider patients;

	EncounterProvider(JdbcClient jdbc, FhirAccess access, PatientProvider patients) {
		this.jdbc = jdbc;
		this.access = access;
		this.patients = patients;
	}

	@Override
	public Class<Encounter> getResourceType() {
		return Encounter.class;
	}

	@Override
	public String resourceType() {
		return "Encounter";
	}

	@Override
	public Set<Role> roles() {
		return FhirAccess.CLINICAL;
	}

	@Read
	public Encounter read(@IdParam IdType id) {
		return access.read("Encounter", roles(), id,
				(user, sessionId) -> bySessions(user.clinicId(), List.of(sessionId)).stream().findFirst(), Encounter::getSubject);
	}

	@Search
	public List<Encounter> search(@OptionalParam(name = Encounter.SP_PATIENT) @Nullable ReferenceParam patient,
			@OptionalParam(name = Encounter.SP_SUBJECT) @Nullable ReferenceParam subject,
			@OptionalParam(name = Encounter.SP_DATE) @Nullable DateRangeParam date,
			@OptionalParam(name = Encounter.SP_STATUS) @Nullable TokenOrListParam status,
			@IncludeParam(allow = { "Encounter:patient", "Encounter:subject" }) @Nullable Set<Include> includes) {
		ClinicUser user = access.require("Encounter", roles());
		EncounterSearch search = new EncounterSearch(SELECT, user, "s.patient_id")
			.patient(patient, "s.patient_id", "patient")
			.patient(subject, "s.patient_id", "subject")
			.date(date, "coalesce(s.checked_in_at, s.scheduled_start)")
			.status(status, "s.status", SessionStatus.class, EncounterProvider::status);
		if (search.empty()) {
			access.searched("Encounter", 0);
			return List.of();
		}
		search.sql.append(" ORDER BY coalesce(s.checked_in_at, s.scheduled_start) DESC, s.id LIMIT 5000");
		List<Encounter> encounters = jdbc.sql(search.sql.toString()).params(search.params).query((rs, row) -> encounter(rs)).list();
		EncounterSearch.audit(access, user, "Encounter", encounters, r -> FhirAccess.patientOf(((Encounter) r).getSubject()));
		if (EncounterSearch.includes(includes, "Encounter", Encounter.SP_PATIENT, Encounter.SP_SUBJECT)) {
			EncounterSearch.includePatients(encounters, Encounter::getSubject, patients, access, user);
		}
		return encounters;
	}

	@Override
	public List<Encounter> forPatients(ClinicId clinic, Collection<UUID> patientIds, @Nullable Instant since) {
		if (patientIds.isEmpty()) {
			return List.of();
		}
		Map<String, Object> params = new HashMap<>();
		params.put("clinic", clinic.value());
		params.put("ids", patientIds);
		String sql = SELECT + " AND s.patient_id IN (:ids)" + EncounterSearch.since(since, "s.updated_at", params)
				+ " ORDER BY s.patient_id, s.scheduled_start, s.id";
		return jdbc.sql(sql).params(params).query((rs, row) -> encounter(rs)).list();
	}

	/** The encounters of these dosing sessions in the clinic (for MedicationAdministration's `_include`). */
	List<Encounter> bySessions(ClinicId clinic, Collection<UUID> sessionIds) {
		if (sessionIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(SELECT + " AND s.id IN (:ids) ORDER BY s.id").param("clinic", clinic.value()).param("ids", sessionIds)
			.query((rs, row) -> encounter(rs)).list();
	}

	static String status(SessionStatus status) {
		return switch (status) {
			case PLANNED -> "planned";
			case CHECKED_IN -> "arrived";
			case DOSING, MONITORING, READY_FOR_DISCHARGE -> "in-progress";
			// An aborted session was still attended and dosed: it ended early, it did not fail to happen.
			case DISCHARGED, ABORTED -> "finished";
			case CANCELLED -> "cancelled";
		};
	}

	static CodeableConcept routeType(Route route) {
		return new CodeableConcept().addCoding(new Coding(ROUTE_SYSTEM, route.name(), sessionLabel(route)))
			.setText(sessionLabel(route));
	}

	static String sessionLabel(Route route) {
		return switch (route) {
			case IV_KETAMINE -> "IV ketamine infusion";
			case IM_KETAMINE -> "IM ketamine injection";
			case IN_ESKETAMINE -> "Esketamine nasal spray session";
		};
	}

	private static Encounter encounter(ResultSet rs) throws SQLException {
		Encounter encounter = new Encounter();
		encounter.setId(rs.getString("id"));
		encounter.getMeta().addProfile(PROFILE).setLastUpdated(date(rs, "updated_at"));
		SessionStatus status = SessionStatus.valueOf(rs.getString("status"));
		encounter.setStatus(Encounter.EncounterStatus.fromCode(status(status)));
		encounter.setClass_(new Coding(ACT_CODE, "AMB", "ambulatory"));
		encounter.addType(routeType(Route.valueOf(rs.getString("route"))));
		encounter.setSubject(new Reference("Patient/" + rs.getString("patient_id")));
		Date checkedIn = date(rs, "checked_in_at");
		Date end = rs.getObject("discharged_at") != null ? date(rs, "discharged_at") : date(rs, "ended_at");
		if (checkedIn != null) {
			Period period = new Period().setStart(checkedIn);
			if (end != null && !end.before(checkedIn)) {
				period.setEnd(end);
			}
			encounter.setPeriod(period);
		}
		else {
			// Not yet (or never) arrived: the planned start is what is known.
			encounter.setPeriod(new Period().setStart(date(rs, "scheduled_start")));
		}
		participant(encounter, "ADM", "admitter", rs.getString("checked_in_by"), rs.getString("checked_in_name"));
		participant(encounter, "DIS", "discharger", rs.getString("discharged_by"), rs.getString("discharged_name"));
		String chair = rs.getString("chair_id");
		if (chair != null) {
			encounter.addLocation().setLocation(new Reference().setDisplay(chair));
		}
		return encounter;
	}

	private static void participant(Encounter encounter, String code, String display, @Nullable String username,
			@Nullable String name) {
		if (username == null) {
			return;
		}
		encounter.addParticipant()
			.addType(new CodeableConcept().addCoding(new Coding(PARTICIPATION_TYPE, code, display)))
			.setIndividual(new Reference().setDisplay(name != null ? name : username));
	}

	static @Nullable Date date(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : Date.from(value.toInstant());
	}
}
