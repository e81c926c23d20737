package org.ketamineclinic.fhir.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.jspecify.annotations.Nullable;
import org.ketamineclinic.identity.ClinicId;
import org.ketamineclinic.identity.ClinicUser;
import org.ketamineclinic.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * US Core QuestionnaireResponse: one per completed rating-scale assessment, with the same id as the
 * assessment (and as its score Observation, which is derived from it). PHQ-9 and GAD-7 answer
 * with LOINC answer codes against LOINC's panel forms; other scales answer with the integer item
 * score against a project questionnaire canonical.
 */
@Component
class QuestionnaireResponseProvider implements IResourceProvider, PatientCompartment {

	private static final String TYPE = "QuestionnaireResponse";

	private final JdbcClient jdbc;
	private final FhirAccess access;
	private final PatientProvider patients;

	QuestionnaireResponseProvider(JdbcClient jdbc, FhirAccess access, PatientProvider patients) {
		this.jdbc = jdbc;
		this.access = access;
		this.patients = patients;
	}

	@Override
	public Class<QuestionnaireResponse> getResourceType() {
		return QuestionnaireResponse.class;
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
	public QuestionnaireResponse read(@IdParam IdType id) {
		return access.read(TYPE, roles(), id, (user, row) -> load(user.clinicId(), null, null, row).stream().findFirst(),
				QuestionnaireResponse::getSubject);
	}

	@Search
	public List<QuestionnaireResponse> search(@OptionalParam(name = QuestionnaireResponse.SP_PATIENT) @Nullable ReferenceParam patient,
			@OptionalParam(name = QuestionnaireResponse.SP_SUBJECT) @Nullable ReferenceParam subject,
			@OptionalParam(name = QuestionnaireResponse.SP_AUTHORED) @Nullable DateRangeParam authored,
			@IncludeParam(allow = { "QuestionnaireResponse:patient", "QuestionnaireResponse:subject" }) @Nullable Set<Include> includes) {
		ClinicUser user = access.require(TYPE, roles());
		List<UUID> scope = FhirAccess.patientScope(user, patient, subject, "QuestionnaireResponse");
		if (scope.isEmpty()) {
			access.searched(TYPE, 0);
			return List.of();
		}
		List<QuestionnaireResponse> found = new ArrayList<>(load(user.clinicId(), scope, null, null).stream()
			.filter(response -> ObservationProvider.within(authored, response.getAuthored())).toList());
		found.sort(java.util.Comparator.comparing(QuestionnaireResponse::getAuthored).thenComparing(QuestionnaireResponse::getIdPart));
		EncounterSearch.audit(access, user, TYPE, found, r -> patientOf((QuestionnaireResponse) r));
		if (includes != null && !includes.isEmpty()) {
			EncounterSearch.includePatients(found, QuestionnaireResponse::getSubject, patients, access, user);
		}
		return found;
	}

	@Override
	public List<QuestionnaireResponse> forPatients(ClinicId clinic, Collection<UUID> patientIds, @Nullable Instant since) {
		return patientIds.isEmpty() ? List.of() : load(clinic, patientIds, since, null);
	}

	private static UUID patientOf(QuestionnaireResponse response) {
		return UUID.fromString(response.getSubject().getReferenceElement().getIdPart());
	}

	private record Header(String id, String patientId, String instrument, Instant completedAt, Instant lastUpdated) {
	}

	private record Answer(String assessmentId, int number, int answer, @Nullable String loinc) {
	}

	private List<QuestionnaireResponse> load(ClinicId clinic, @Nullable Collection<UUID> patientIds, @Nullable Instant since,
			@Nullable UUID row) {
		Map<String, Object> params = new HashMap<>();
		params.put("clinic", clinic.value());
		String where = " WHERE a.clinic_id = :clinic AND a.voided_at IS NULL";
		if (patientIds != null) {
			where += " AND a.patient_id IN (:ids)";
			params.put("ids", patientIds);
		}
		if (since != null) {
			where += " AND a.created_at > :since";
			params.put("since", OffsetDateTime.ofInstant(since, ZoneOffset.UTC));
		}
		if (row != null) {
			where += " AND a.id = :row";
			params.put("row", row);
		}
		String from = " FROM assessment a JOIN patient p ON p.id = a.patient_id AND p.voided_at IS NULL" + where;
		Map<String, Header> headers = new LinkedHashMap<>();
		jdbc.sql("SELECT a.id, a.patient_id, a.instrument, a.completed_at, a.created_at" + from + " ORDER BY a.completed_at, a.id")
			.params(params)
			.query((rs, n) -> new Header(rs.getString("id"), rs.getString("patient_id"), rs.getString("instrument"),
					rs.getObject("completed_at", OffsetDateTime.class).toInstant(),
					rs.getObject("created_at", OffsetDateTime.class).toInstant()))
			.list().forEach(header -> headers.put(header.id(), header));
		if (headers.isEmpty()) {
			return List.of();
		}
		// The answers of every assessment found, in one query rather than one per assessment.
		Map<String, List<Answer>> answers = new HashMap<>();
		jdbc.sql("SELECT i.assessment_id, i.item_number, i.answer, i.loinc FROM assessment_item i WHERE i.assessment_id IN "
				+ "(SELECT a.id" + from + ") ORDER BY i.assessment_id, i.item_number")
			.params(params)
			.query((rs, n) -> new Answer(rs.getString("assessment_id"), rs.getInt("item_number"), rs.getInt("answer"),
					rs.getString("loinc")))
			.list().forEach(answer -> answers.computeIfAbsent(answer.assessmentId(), k -> new ArrayList<>()).add(answer));
		List<QuestionnaireResponse> responses = new ArrayList<>();
		for (Header header : headers.values()) {
			// A total recorded without its answers (taken elsewhere and imported) is an Observation only: there is no response to show.
			if (answers.containsKey(header.id())) {
				responses.add(response(header, answers.get(header.id())));
			}
		}
		return responses;
	}

	private static QuestionnaireResponse response(Header header, List<Answer> answers) {
		QuestionnaireResponse response = new QuestionnaireResponse();
		response.setId(header.id());
		response.getMeta().addProfile(FhirCodes.PROFILE_QUESTIONNAIRE_RESPONSE).setLastUpdated(Date.from(header.lastUpdated()));
		FhirCodes.ScaleCodes codes = FhirCodes.scale(header.instrument());
		boolean loincForm = codes.panelLoinc() != null;
		response.setQuestionnaire(loincForm ? FhirCodes.LOINC_QUESTIONNAIRE_BASE + codes.panelLoinc()
				: FhirCodes.QUESTIONNAIRE_BASE + header.instrument().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
		response.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
		response.setSubject(new Reference("Patient/" + header.patientId()));
		// To the millisecond, so that authored=gt<an answer's time> leaves that answer out and keeps one a moment later.
		response.setAuthoredElement(new org.hl7.fhir.r4.model.DateTimeType(Date.from(header.completedAt()),
				ca.uhn.fhir.model.api.TemporalPrecisionEnum.MILLI));
		for (Answer answer : answers) {
			QuestionnaireResponse.QuestionnaireResponseItemComponent item = response.addItem()
				.setLinkId(answer.loinc() != null ? answer.loinc() : "item-" + answer.number());
			boolean frequency = loincForm && answer.loinc() != null && answer.answer() >= 0
					&& answer.answer() < FhirCodes.FREQUENCY_ANSWERS.length;
			if (frequency) {
				String[] option = FhirCodes.FREQUENCY_ANSWERS[answer.answer()];
				item.addAnswer().setValue(new Coding(FhirCodes.LOINC, option[0], option[1]));
			}
			else {
				item.addAnswer().setValue(new IntegerType(answer.answer()));
			}
		}
		return response;
	}
}
