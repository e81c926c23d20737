package org.ketamineclinic.fhir.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
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
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.jspecify.annotations.Nullable;
import org.ketamineclinic.identity.ClinicId;
import org.ketamineclinic.identity.ClinicUser;
import org.ketamineclinic.identity.Role;
import org.ketamineclinic.scheduling.AppointmentStatus;
import org.ketamineclinic.scheduling.AppointmentType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Appointment: every booking on the clinic's schedule (dosing, evaluation, therapy, follow-up), with
 * the patient as a participant and the chair or room and the clinician by name. The front desk, who
 * books, may read these. US Core has no Appointment profile.
 */
@Component
class AppointmentProvider implements IResourceProvider, PatientCompartment {

	static final String TYPE_SYSTEM = "https://ketamineclinic.org/fhir/CodeSystem/appointment-type";
	private static final String V2_0276 = "http://terminology.hl7.org/CodeSystem/v2-0276";
	private static final String PARTICIPATION_TYPE = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";

	private static final String SELECT = "SELECT a.id, a.patient_id, a.type, a.start_at, a.end_at, a.status, a.status_reason, "
			+ "a.created_at, coalesce(a.changed_at, a.created_at) AS last_updated, r.kind AS resource_kind, r.name AS resource_name, "
			+ "u.display_name AS staff_name "
			+ "FROM scheduling_appointment a "
			+ "LEFT JOIN scheduling_resource r ON r.id = a.resource_id "
			+ "LEFT JOIN user_account u ON u.id = a.staff_id "
			+ "WHERE a.clinic_id = :clinic";

	private final JdbcClient jdbc;
	private final FhirAccess access;
	private final PatientProvider patients;

	AppointmentProvider(JdbcClient jdbc, FhirAccess access, PatientProvider patients) {
		this.jdbc = jdbc;
		this.access = access;
		this.patients = patients;
	}

	@Override
	public Class<Appointment> getResourceType() {
		return Appointment.class;
	}

	@Override
	public String resourceType() {
		return "Appointment";
	}

	@Override
	public Set<Role> roles() {
		return FhirAccess.DEMOGRAPHIC;
	}

	@Read
	public Appointment read(@IdParam IdType id) {
		return access.read(resourceType(), roles(), id, (user, appointmentId) -> jdbc.sql(SELECT + " AND a.id = :id")
			.param("clinic", user.clinicId().value()).param("id", appointmentId).query((rs, row) -> appointment(rs)).optional(),
				AppointmentProvider::patientOf);
	}

	@Search
	public List<Appointment> search(@OptionalParam(name = Appointment.SP_PATIENT) @Nullable ReferenceParam patient,
			@OptionalParam(name = Appointment.SP_ACTOR) @Nullable ReferenceParam actor,
			@OptionalParam(name = Appointment.SP_DATE) @Nullable DateRangeParam date,
			@OptionalParam(name = Appointment.SP_STATUS) @Nullable TokenOrListParam status,
			@IncludeParam(allow = { "Appointment:patient", "Appointment:actor" }) @Nullable Set<Include> includes) {
		ClinicUser user = access.require(resourceType(), roles());
		EncounterSearch search = new EncounterSearch(SELECT, user, "a.patient_id")
			.patient(patient, "a.patient_id", "patient")
			.patient(actor, "a.patient_id", "actor")
			.date(date, "a.start_at")
			.status(status, "a.status", AppointmentStatus.class, AppointmentProvider::status);
		if (search.empty()) {
			access.searched(resourceType(), 0);
			return List.of();
		}
		search.sql.append(" ORDER BY a.start_at DESC, a.id LIMIT 5000");
		List<Appointment> appointments = jdbc.sql(search.sql.toString()).params(search.params)
			.query((rs, row) -> appointment(rs)).list();
		EncounterSearch.audit(access, user, resourceType(), appointments,
				r -> FhirAccess.patientOf(patientOf((Appointment) r)));
		if (EncounterSearch.includes(includes, resourceType(), Appointment.SP_PATIENT, Appointment.SP_ACTOR)) {
			EncounterSearch.includePatients(appointments, AppointmentProvider::patientOf, patients, access, user);
		}
		return appointments;
	}

	@Override
	public List<Appointment> forPatients(ClinicId clinic, Collection<UUID> patientIds, @Nullable Instant since) {
		if (patientIds.isEmpty()) {
			return List.of();
		}
		Map<String, Object> params = new HashMap<>();
		params.put("clinic", clinic.value());
		params.put("ids", patientIds);
		String sql = SELECT + " AND a.patient_id IN (:ids)"
				+ EncounterSearch.since(since, "coalesce(a.changed_at, a.created_at)", params)
				+ " ORDER BY a.patient_id, a.start_at, a.id";
		return jdbc.sql(sql).params(params).query((rs, row) -> appointment(rs)).list();
	}

	/** The patient's participant reference (always the first participant). */
	static Reference patientOf(Appointment appointment) {
		return appointment.getParticipantFirstRep().getActor();
	}

	static String status(AppointmentStatus status) {
		return switch (status) {
			case BOOKED -> "booked";
			case CANCELLED -> "cancelled";
			case NO_SHOW -> "noshow";
			case COMPLETED -> "fulfilled";
		};
	}

	static String label(AppointmentType type) {
		return switch (type) {
			case IV_INFUSION -> "IV ketamine infusion";
			case IM_INJECTION -> "IM ketamine injection";
			case ESKETAMINE_SESSION -> "Esketamine nasal spray session";
			case EVALUATION -> "Evaluation";
			case INTEGRATION_THERAPY -> "Integration therapy";
			case FOLLOW_UP -> "Follow-up";
		};
	}

	private static Appointment appointment(ResultSet rs) throws SQLException {
		Appointment appointment = new Appointment();
		appointment.setId(rs.getString("id"));
		appointment.getMeta().setLastUpdated(EncounterProvider.date(rs, "last_updated"));
		AppointmentStatus status = AppointmentStatus.valueOf(rs.getString("status"));
		appointment.setStatus(Appointment.AppointmentStatus.fromCode(status(status)));
		AppointmentType type = AppointmentType.valueOf(rs.getString("type"));
		appointment.setAppointmentType(new CodeableConcept().addCoding(type == AppointmentType.FOLLOW_UP
				? new Coding(V2_0276, "FOLLOWUP", "A follow up visit from a previous appointment")
				: new Coding(V2_0276, "ROUTINE", "Routine appointment - default if not valued")));
		appointment.addServiceType(new CodeableConcept().addCoding(new Coding(TYPE_SYSTEM, type.name(), label(type)))
			.setText(label(type)));
		appointment.setDescription(label(type));
		appointment.setStart(EncounterProvider.date(rs, "start_at"));
		appointment.setEnd(EncounterProvider.date(rs, "end_at"));
		appointment.setCreated(EncounterProvider.date(rs, "created_at"));
		if (status == AppointmentStatus.CANCELLED && rs.getString("status_reason") != null) {
			appointment.setCancelationReason(new CodeableConcept().setText(rs.getString("status_reason")));
		}
		Appointment.ParticipationStatus attending = status == AppointmentStatus.CANCELLED || status == AppointmentStatus.NO_SHOW
				? Appointment.ParticipationStatus.DECLINED : Appointment.ParticipationStatus.ACCEPTED;
		appointment.addParticipant().setActor(new Reference("Patient/" + rs.getString("patient_id")))
			.setRequired(Appointment.ParticipantRequired.REQUIRED).setStatus(attending);
		String resource = rs.getString("resource_name");
		if (resource != null) {
			String kind = "CHAIR".equals(rs.getString("resource_kind")) ? "Chair" : "Room";
			appointment.addParticipant().setActor(new Reference().setDisplay(kind + " " + resource))
				.setRequired(Appointment.ParticipantRequired.REQUIRED).setStatus(Appointment.ParticipationStatus.ACCEPTED);
		}
		String staff = rs.getString("staff_name");
		if (staff != null) {
			appointment.addParticipant()
				.addType(new CodeableConcept().addCoding(new Coding(PARTICIPATION_TYPE, "PPRF", "primary performer")))
				.setActor(new Reference().setDisplay(staff))
				.setRequired(Appointment.ParticipantRequired.REQUIRED).setStatus(Appointment.ParticipationStatus.ACCEPTED);
		}
		return appointment;
	}
}
