package org.ketamineclinic.fhir.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
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
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.utilities.xhtml.XhtmlNode;
import org.jspecify.annotations.Nullable;
import org.ketamineclinic.evaluation.Route;
import org.ketamineclinic.identity.ClinicId;
import org.ketamineclinic.identity.ClinicUser;
import org.ketamineclinic.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * US Core CarePlan: a treatment course, with its protocol, route, phase and current dose, and its
 * planned sessions as activities.
 */
@Component
class CarePlanProvider implements IResourceProvider, PatientCompartment {

	static final String PROFILE = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-careplan";
	/** The course's dose unit, kept on the resource (not serialized) for its activities' text. */
	private static final String DOSE_UNIT = "ketamineclinic.doseUnit";
	private static final String CATEGORY = "http://hl7.org/fhir/us/core/CodeSystem/careplan-category";

	/** The stored course statuses (protocol module's TreatmentCourse), as named in its table. */
	enum CourseStatus {
		ACTIVE, COMPLETED, STOPPED
	}

	/** The course keeps its protocol as the JSON it was started from; its name is read from there. */
	private static final String SELECT = "SELECT c.id, c.patient_id, c.protocol_code, "
			+ "CASE WHEN c.protocol LIKE '{%' THEN c.protocol::jsonb ->> 'name' END AS protocol_name, "
			+ "CASE WHEN c.protocol LIKE '{%' THEN c.protocol::jsonb ->> 'doseUnit' END AS dose_unit, c.route, c.start_date, "
			+ "c.phase, c.status, c.current_dose, c.maintenance_frequency, c.ended_at, c.created_at, c.updated_at "
			+ "FROM treatment_course c WHERE c.clinic_id = :clinic";

	private final JdbcClient jdbc;
	private final FhirAccess access;
	private final PatientProvider patients;

	CarePlanProvider(JdbcClient jdbc, FhirAccess access, PatientProvider patients) {
		this.jdbc = jdbc;
		this.access = access;
		this.patients = patients;
	}

	@Override
	public Class<CarePlan> getResourceType() {
		return CarePlan.class;
	}

	@Override
	public String resourceType() {
		return "CarePlan";
	}

	@Override
	public Set<Role> roles() {
		return FhirAccess.CLINICAL;
	}

	@Read
	public CarePlan read(@IdParam IdType id) {
		return access.read(resourceType(), roles(), id, (user, courseId) -> withActivities(jdbc.sql(SELECT + " AND c.id = :id")
			.param("clinic", user.clinicId().value()).param("id", courseId).query((rs, row) -> carePlan(rs)).list()).stream().findFirst(),
				CarePlan::getSubject);
	}

	@Search
	public List<CarePlan> search(@OptionalParam(name = CarePlan.SP_PATIENT) @Nullable ReferenceParam patient,
			@OptionalParam(name = CarePlan.SP_SUBJECT) @Nullable ReferenceParam subject,
			@OptionalParam(name = CarePlan.SP_DATE) @Nullable DateRangeParam date,
			@OptionalParam(name = CarePlan.SP_STATUS) @Nullable TokenOrListParam status,
			@OptionalParam(name = CarePlan.SP_CATEGORY) @Nullable TokenOrListParam category,
			@IncludeParam(allow = { "CarePlan:patient", "CarePlan:subject" }) @Nullable Set<Include> includes) {
		ClinicUser user = access.require(resourceType(), roles());
		EncounterSearch search = new EncounterSearch(SELECT, user, "c.patient_id")
			.patient(patient, "c.patient_id", "patient")
			.patient(subject, "c.patient_id", "subject")
			.overlaps(date, "CAST(c.start_date AS TIMESTAMP) AT TIME ZONE 'UTC'", "c.ended_at")
			.status(status, "c.status", CourseStatus.class, CarePlanProvider::status);
		if (search.empty() || (category != null && category.getValuesAsQueryTokens().stream()
			.noneMatch(token -> "assess-plan".equals(token.getValue())))) {
			access.searched(resourceType(), 0);
			return List.of();
		}
		search.sql.append(" ORDER BY c.start_date DESC, c.id LIMIT 5000");
		List<CarePlan> plans = withActivities(jdbc.sql(search.sql.toString()).params(search.params)
			.query((rs, row) -> carePlan(rs)).list());
		EncounterSearch.audit(access, user, resourceType(), plans, r -> FhirAccess.patientOf(((CarePlan) r).getSubject()));
		if (EncounterSearch.includes(includes, resourceType(), CarePlan.SP_PATIENT, CarePlan.SP_SUBJECT)) {
			EncounterSearch.includePatients(plans, CarePlan::getSubject, patients, access, user);
		}
		return plans;
	}

	@Override
	public List<CarePlan> forPatients(ClinicId clinic, Collection<UUID> patientIds, @Nullable Instant since) {
		if (patientIds.isEmpty()) {
			return List.of();
		}
		Map<String, Object> params = new HashMap<>();
		params.put("clinic", clinic.value());
		params.put("ids", patientIds);
		String sql = SELECT + " AND c.patient_id IN (:ids)" + EncounterSearch.since(since, "c.updated_at", params)
				+ " ORDER BY c.patient_id, c.start_date, c.id";
		return withActivities(jdbc.sql(sql).params(params).query((rs, row) -> carePlan(rs)).list());
	}

	static String status(CourseStatus status) {
		return switch (status) {
			case ACTIVE -> "active";
			case COMPLETED -> "completed";
			case STOPPED -> "revoked";
		};
	}

	/** The planned sessions of all these courses in one query: one activity each, in order. */
	private List<CarePlan> withActivities(List<CarePlan> plans) {
		if (plans.isEmpty()) {
			return plans;
		}
		Map<String, CarePlan> byId = new HashMap<>();
		plans.forEach(plan -> byId.put(plan.getIdPart(), plan));
		jdbc.sql("SELECT course_id, number, phase, earliest_date, latest_date, planned_dose, status, given_at, given_dose_mg, "
				+ "session_id FROM course_session WHERE course_id IN (:ids) ORDER BY course_id, number")
			.param("ids", byId.keySet().stream().map(UUID::fromString).toList())
			.query(rs -> {
				CarePlan plan = byId.get(rs.getString("course_id"));
				String sessionStatus = rs.getString("status");
				var detail = plan.addActivity().getDetail();
				detail.setStatus(switch (sessionStatus) {
					case "GIVEN" -> CarePlan.CarePlanActivityStatus.COMPLETED;
					case "CANCELLED" -> CarePlan.CarePlanActivityStatus.CANCELLED;
					default -> CarePlan.CarePlanActivityStatus.NOTSTARTED;
				});
				BigDecimal planned = rs.getBigDecimal("planned_dose").stripTrailingZeros();
				String description = "Session " + rs.getInt("number") + " (" + rs.getString("phase").toLowerCase(Locale.ROOT)
						+ "), planned dose " + planned.toPlainString() + " " + plan.getUserData(DOSE_UNIT);
				BigDecimal given = rs.getBigDecimal("given_dose_mg");
				if (given != null) {
					description += ", given " + given.stripTrailingZeros().toPlainString() + " mg";
				}
				detail.setDescription(description);
				detail.setScheduled(new Period().setStart(java.sql.Date.valueOf(rs.getObject("earliest_date", LocalDate.class)))
					.setEnd(java.sql.Date.valueOf(rs.getObject("latest_date", LocalDate.class))));
				String session = rs.getString("session_id");
				if (session != null) {
					plan.getActivity().get(plan.getActivity().size() - 1).addOutcomeReference(new Reference("Encounter/" + session));
				}
			});
		return plans;
	}

	private static CarePlan carePlan(ResultSet rs) throws SQLException {
		CarePlan plan = new CarePlan();
		plan.setId(rs.getString("id"));
		plan.getMeta().addProfile(PROFILE).setLastUpdated(EncounterProvider.date(rs, "updated_at"));
		CourseStatus status = CourseStatus.valueOf(rs.getString("status"));
		plan.setStatus(CarePlan.CarePlanStatus.fromCode(status(status)));
		plan.setIntent(CarePlan.CarePlanIntent.PLAN);
		plan.addCategory(new CodeableConcept().addCoding(new Coding(CATEGORY, "assess-plan", "Assessment and Plan of Treatment")));
		plan.setSubject(new Reference("Patient/" + rs.getString("patient_id")));
		Route route = Route.valueOf(rs.getString("route"));
		String protocol = rs.getString("protocol_name") != null ? rs.getString("protocol_name") : rs.getString("protocol_code");
		plan.setTitle(protocol);
		String phase = rs.getString("phase").toLowerCase(Locale.ROOT);
		String unit = "MG_PER_KG".equals(rs.getString("dose_unit")) ? "mg/kg" : "mg";
		plan.setUserData(DOSE_UNIT, unit);
		String description = route.label() + " course, protocol " + protocol + " (" + rs.getString("protocol_code") + "), "
				+ phase + " phase, current dose " + rs.getBigDecimal("current_dose").stripTrailingZeros().toPlainString()
				+ " " + unit
				+ (rs.getString("maintenance_frequency") != null ? ", maintenance " + rs.getString("maintenance_frequency")
						.toLowerCase(Locale.ROOT).replace('_', ' ') : "");
		plan.setDescription(description);
		Period period = new Period().setStart(java.sql.Date.valueOf(rs.getObject("start_date", LocalDate.class)));
		OffsetDateTime ended = rs.getObject("ended_at", OffsetDateTime.class);
		if (ended != null) {
			period.setEnd(java.util.Date.from(ended.toInstant()));
		}
		plan.setPeriod(period);
		plan.setCreated(EncounterProvider.date(rs, "created_at"));
		XhtmlNode div = new XhtmlNode();
		div.setValueAsString("<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>" + escape(description) + "; status "
				+ status(status) + ".</p></div>");
		plan.setText(new Narrative().setStatus(Narrative.NarrativeStatus.GENERATED).setDiv(div));
		return plan;
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

}
