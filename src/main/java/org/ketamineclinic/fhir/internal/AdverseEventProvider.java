package org.ketamineclinic.fhir.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
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
import org.hl7.fhir.r4.model.AdverseEvent;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.jspecify.annotations.Nullable;
import org.ketamineclinic.identity.ClinicId;
import org.ketamineclinic.identity.ClinicUser;
import org.ketamineclinic.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * AdverseEvent: a side effect charted during a dosing session, with the session's Encounter and
 * its first dose as the suspect. US Core has no profile for it.
 */
@Component
class AdverseEventProvider implements IResourceProvider, PatientCompartment {

	static final String EVENT_SYSTEM = "https://ketamineclinic.org/fhir/CodeSystem/session-side-effect";
	private static final String SEVERITY = "http://terminology.hl7.org/CodeSystem/adverse-event-severity";
	private static final String SERIOUSNESS = "http://terminology.hl7.org/CodeSystem/adverse-event-seriousness";
	private static final String OUTCOME = "http://terminology.hl7.org/CodeSystem/adverse-event-outcome";

	/** SNOMED CT findings for the side-effect types that have an obvious one; the rest are coded in the clinic's system only. */
	private static final Map<String, Coding> SNOMED = Map.of(
			"NAUSEA_OR_VOMITING", new Coding(MedicationAdministrationProvider.SNOMED, "422587007", "Nausea"),
			"DIZZINESS", new Coding(MedicationAdministrationProvider.SNOMED, "404640003", "Dizziness"),
			"HEADACHE", new Coding(MedicationAdministrationProvider.SNOMED, "25064002", "Headache"),
			"CHEST_PAIN", new Coding(MedicationAdministrationProvider.SNOMED, "29857009", "Chest pain"),
			"ANXIETY", new Coding(MedicationAdministrationProvider.SNOMED, "48694002", "Anxiety"));

	/** The side effect, its session, and the session's first dose (the suspect). */
	private static final String SELECT = "SELECT e.id, e.session_id, e.type, e.severity, e.serious, e.onset_at, e.outcome, "
			+ "e.recorded_by, e.recorded_at, s.patient_id, u.display_name AS recorded_name, "
			+ "(SELECT a.id FROM session_administration a WHERE a.session_id = s.id ORDER BY a.started_at, a.id LIMIT 1) AS dose_id "
			+ "FROM session_adverse_event e JOIN dosing_session s ON s.id = e.session_id "
			+ "LEFT JOIN user_account u ON u.username = e.recorded_by "
			+ "WHERE s.clinic_id = :clinic";

	private final JdbcClient jdbc;
	private final FhirAccess access;
	private final PatientProvider patients;

	AdverseEventProvider(JdbcClient jdbc, FhirAccess access, PatientProvider patients) {
		this.jdbc = jdbc;
		this.access = access;
		this.patients = patients;
	}

	@Override
	public Class<AdverseEvent> getResourceType() {
		return AdverseEvent.class;
	}

	@Override
	public String resourceType() {
		return "AdverseEvent";
	}

	@Override
	public Set<Role> roles() {
		return FhirAccess.CLINICAL;
	}

	@Read
	public AdverseEvent read(@IdParam IdType id) {
		return access.read(resourceType(), roles(), id, (user, eventId) -> jdbc.sql(SELECT + " AND e.id = :id")
			.param("clinic", user.clinicId().value()).param("id", eventId).query((rs, row) -> event(rs)).optional(),
				AdverseEvent::getSubject);
	}

	/** R4 AdverseEvent has `subject` only; `patient` is accepted too, as clients of the other types use it. */
	@Search
	public List<AdverseEvent> search(@OptionalParam(name = AdverseEvent.SP_SUBJECT) @Nullable ReferenceParam subject,
			@OptionalParam(name = "patient") @Nullable ReferenceParam patient,
			@OptionalParam(name = AdverseEvent.SP_DATE) @Nullable DateRangeParam date,
			@IncludeParam(allow = { "AdverseEvent:subject" }) @Nullable Set<Include> includes) {
		ClinicUser user = access.require(resourceType(), roles());
		EncounterSearch search = new EncounterSearch(SELECT, user, "s.patient_id")
			.patient(subject, "s.patient_id", "subject")
			.patient(patient, "s.patient_id", "patient")
			.date(date, "e.onset_at");
		if (search.empty()) {
			access.searched(resourceType(), 0);
			return List.of();
		}
		search.sql.append(" ORDER BY e.onset_at DESC, e.id LIMIT 5000");
		List<AdverseEvent> events = jdbc.sql(search.sql.toString()).params(search.params).query((rs, row) -> event(rs)).list();
		EncounterSearch.audit(access, user, resourceType(), events, r -> FhirAccess.patientOf(((AdverseEvent) r).getSubject()));
		if (EncounterSearch.includes(includes, resourceType(), AdverseEvent.SP_SUBJECT)) {
			EncounterSearch.includePatients(events, AdverseEvent::getSubject, patients, access, user);
		}
		return events;
	}

	@Override
	public List<AdverseEvent> forPatients(ClinicId clinic, Collection<UUID> patientIds, @Nullable Instant since) {
		if (patientIds.isEmpty()) {
			return List.of();
		}
		Map<String, Object> params = new HashMap<>();
		params.put("clinic", clinic.value());
		params.put("ids", patientIds);
		String sql = SELECT + " AND s.patient_id IN (:ids)" + EncounterSearch.since(since, "e.recorded_at", params)
				+ " ORDER BY s.patient_id, e.onset_at, e.id";
		return jdbc.sql(sql).params(params).query((rs, row) -> event(rs)).list();
	}

	static String label(String type) {
		String words = type.replace("_OR_", " or ").replace('_', ' ').toLowerCase(Locale.ROOT);
		return Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

	private static AdverseEvent event(ResultSet rs) throws SQLException {
		AdverseEvent event = new AdverseEvent();
		event.setId(rs.getString("id"));
		event.getMeta().setLastUpdated(EncounterProvider.date(rs, "recorded_at"));
		event.setActuality(AdverseEvent.AdverseEventActuality.ACTUAL);
		String type = rs.getString("type");
		CodeableConcept code = new CodeableConcept();
		Coding snomed = SNOMED.get(type);
		if (snomed != null) {
			code.addCoding(snomed.copy());
		}
		code.addCoding(new Coding(EVENT_SYSTEM, type, label(type))).setText(label(type));
		event.setEvent(code);
		event.setSubject(new Reference("Patient/" + rs.getString("patient_id")));
		event.setEncounter(new Reference("Encounter/" + rs.getString("session_id")));
		event.setDate(EncounterProvider.date(rs, "onset_at"));
		event.setRecordedDate(EncounterProvider.date(rs, "recorded_at"));
		String severity = rs.getString("severity").toLowerCase(Locale.ROOT);
		event.setSeverity(new CodeableConcept().addCoding(new Coding(SEVERITY, severity, Character.toUpperCase(severity.charAt(0))
				+ severity.substring(1))));
		boolean serious = rs.getBoolean("serious");
		// R4's own adverse-event-seriousness has the codes capitalised (THO later lower-cased them); R4 validators check these.
		event.setSeriousness(new CodeableConcept().addCoding(serious ? new Coding(SERIOUSNESS, "Serious", "Serious")
				: new Coding(SERIOUSNESS, "Non-serious", "Non-serious")));
		String outcome = outcome(rs.getString("outcome"));
		if (outcome != null) {
			event.setOutcome(new CodeableConcept().addCoding(new Coding(OUTCOME, outcome, null)).setText(rs.getString("outcome")));
		}
		String name = rs.getString("recorded_name");
		event.setRecorder(new Reference().setDisplay(name != null ? name : rs.getString("recorded_by")));
		String dose = rs.getString("dose_id");
		if (dose != null) {
			event.addSuspectEntity().setInstance(new Reference("MedicationAdministration/" + dose));
		}
		return event;
	}

	/**
	 * The outcome is free text on the chart; FHIR's outcome is a required code, so only text that
	 * starts with one of its words is coded, and anything else is left out rather than guessed.
	 */
	static @Nullable String outcome(@Nullable String text) {
		if (text == null) {
			return null;
		}
		String lower = text.strip().toLowerCase(Locale.ROOT);
		if (lower.startsWith("resolved")) {
			return "resolved";
		}
		if (lower.startsWith("recovering")) {
			return "recovering";
		}
		if (lower.startsWith("ongoing")) {
			return "ongoing";
		}
		return null;
	}
}
