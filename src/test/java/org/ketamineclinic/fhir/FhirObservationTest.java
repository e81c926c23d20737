package org.ketamineclinic.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ketamineclinic.identity.Accounts;
import org.ketamineclinic.identity.ClinicId;
import org.ketamineclinic.identity.Role;
import org.ketamineclinic.support.ApiClient;
import org.ketamineclinic.support.ClinicIntegrationTest;
import org.ketamineclinic.support.FhirClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Observation, QuestionnaireResponse and Condition over FHIR: content, search, paging, includes, roles, scoping and audit. */
@ClinicIntegrationTest
class FhirObservationTest {

	private static final String PASSWORD = "correct-horse-battery-staple";
	private static final String LOINC = "http://loinc.org";
	private static FhirFixtures.RichPatient rich;

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Accounts accounts;

	ApiClient api;
	FhirClient fhir;

	@BeforeEach
	void clients() {
		api = new ApiClient(port);
		fhir = new FhirClient(port);
		synchronized (FhirObservationTest.class) {
			if (rich == null) {
				rich = FhirFixtures.richPatient(api, "Obs");
			}
		}
	}

	List<Observation> observations(String token, String query) {
		FhirClient.Response response = fhir.get(token, "Observation?" + query);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.bundle().getEntry().stream().map(e -> e.getResource()).filter(Observation.class::isInstance)
			.map(Observation.class::cast).toList();
	}

	static List<Observation> coded(List<Observation> observations, String code) {
		return observations.stream().filter(o -> o.getCode().getCoding().stream().anyMatch(c -> c.getCode().equals(code))).toList();
	}

	static BigDecimal component(Observation observation, String code) {
		return observation.getComponent().stream().filter(c -> c.getCode().getCodingFirstRep().getCode().equals(code)).findFirst()
			.orElseThrow().getValueQuantity().getValue();
	}

	@Test
	void vitalSignsMeasurementsAndScaleTotalsCarryLoincCodesUcumUnitsAndValues() {
		List<Observation> all = observations(api.token("nurse"), "patient=" + rich.patientId());

		List<Observation> pressures = coded(all, "85354-9");
		assertThat(pressures).extracting(o -> component(o, "8480-6").intValue()).containsExactlyInAnyOrder(128, 122, 134, 124);
		Observation preDose = all.stream().filter(o -> o.getIdPart().equals(rich.sessionId() + "-pre-bp")).findFirst().orElseThrow();
		assertThat(component(preDose, "8462-4")).isEqualByComparingTo("78");
		assertThat(preDose.getComponentFirstRep().getValueQuantity().getSystem()).isEqualTo("http://unitsofmeasure.org");
		assertThat(preDose.getComponentFirstRep().getValueQuantity().getCode()).isEqualTo("mm[Hg]");
		assertThat(preDose.getEncounter().getReference()).isEqualTo("Encounter/" + rich.sessionId());
		assertThat(preDose.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("vital-signs");
		assertThat(preDose.getMeta().getProfile().get(0).getValue())
			.isEqualTo("http://hl7.org/fhir/us/core/StructureDefinition/us-core-blood-pressure");

		Observation heartRate = coded(all, "8867-4").stream().filter(o -> o.getValueQuantity().getValue().intValue() == 81)
			.findFirst().orElseThrow();
		assertThat(heartRate.getValueQuantity().getCode()).isEqualTo("/min");
		assertThat(heartRate.getEncounter().getReference()).isEqualTo("Encounter/" + rich.sessionId());
		Observation oximetry = coded(all, "59408-5").stream().filter(o -> o.getValueQuantity().getValue().intValue() == 97)
			.findFirst().orElseThrow();
		assertThat(oximetry.getCode().getCoding()).extracting(Coding::getCode).containsExactly("59408-5", "2708-6");
		assertThat(oximetry.getValueQuantity().getCode()).isEqualTo("%");
		assertThat(coded(all, "9279-1")).extracting(o -> o.getValueQuantity().getValue().intValue()).containsExactlyInAnyOrder(14, 16);

		assertThat(coded(all, "29463-7")).singleElement().satisfies(w -> {
			assertThat(w.getValueQuantity().getValue()).isEqualByComparingTo("70");
			assertThat(w.getValueQuantity().getCode()).isEqualTo("kg");
		});
		assertThat(coded(all, "8302-2")).singleElement().satisfies(h -> assertThat(h.getValueQuantity().getCode()).isEqualTo("cm"));
		assertThat(coded(all, "39156-5")).singleElement().satisfies(bmi -> {
			assertThat(bmi.getValueQuantity().getValue()).isEqualByComparingTo("24.8");
			assertThat(bmi.getValueQuantity().getCode()).isEqualTo("kg/m2");
		});

		Observation phq9 = coded(all, "44261-6").get(0);
		assertThat(phq9.getIdPart()).isEqualTo(rich.phq9Id());
		assertThat(phq9.getValueIntegerType().getValue()).isEqualTo(17);
		assertThat(phq9.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("survey");
		assertThat(phq9.getDerivedFromFirstRep().getReference()).isEqualTo("QuestionnaireResponse/" + rich.phq9Id());
		assertThat(coded(all, "70274-6")).singleElement().satisfies(gad7 -> assertThat(gad7.getValueIntegerType().getValue()).isEqualTo(9));
		assertThat(coded(all, "MOAAS-total")).singleElement().satisfies(moaas -> {
			assertThat(moaas.getCode().getCodingFirstRep().getSystem()).isEqualTo("https://ketamineclinic.org/fhir/CodeSystem/rating-scale");
			assertThat(moaas.getEncounter().getReference()).isEqualTo("Encounter/" + rich.sessionId());
		});

		// Every id is unique and reads back the same resource.
		assertThat(all).extracting(Observation::getIdPart).doesNotHaveDuplicates();
		String nurse = api.token("nurse");
		for (Observation observation : all) {
			Observation read = fhir.get(nurse, "Observation/" + observation.getIdPart()).resource(Observation.class);
			assertThat(read.getCode().getCodingFirstRep().getCode()).isEqualTo(observation.getCode().getCodingFirstRep().getCode());
		}
	}

	@Test
	void searchFiltersByCodeCategoryAndDatePagesAndIncludesThePatient() {
		String nurse = api.token("nurse");
		String patient = "patient=" + rich.patientId();
		assertThat(observations(nurse, patient + "&code=http://loinc.org%7C8867-4")).hasSize(3)
			.allSatisfy(o -> assertThat(o.getCode().getCodingFirstRep().getCode()).isEqualTo("8867-4"));
		assertThat(observations(nurse, patient + "&code=http://snomed.info/sct%7C8867-4")).isEmpty();
		assertThat(observations(nurse, patient + "&code=44261-6,70274-6")).hasSize(2);
		assertThat(observations(nurse, patient + "&category=survey")).extracting(o -> o.getCode().getCodingFirstRep().getCode())
			.containsExactlyInAnyOrder("44261-6", "70274-6", "MOAAS-total");
		List<Observation> vitals = observations(nurse, patient + "&category=http://terminology.hl7.org/CodeSystem/observation-category%7Cvital-signs");
		assertThat(vitals).allSatisfy(o -> assertThat(o.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("vital-signs"));

		// The session's readings were taken 190 to 30 minutes ago; the intake ones at registration, just before.
		Observation monitoring = observations(nurse, patient + "&code=8867-4").stream()
			.filter(o -> o.getValueQuantity().getValue().intValue() == 81).findFirst().orElseThrow();
		String at = encoded(monitoring.getEffectiveDateTimeType().getValueAsString());
		assertThat(observations(nurse, patient + "&code=8867-4&date=ge" + at)).extracting(o -> o.getValueQuantity().getValue().intValue())
			.containsExactlyInAnyOrder(81, 70);
		assertThat(observations(nurse, patient + "&code=8867-4&date=le" + at)).extracting(o -> o.getValueQuantity().getValue().intValue())
			.containsExactlyInAnyOrder(72, 81);
		assertThat(observations(nurse, patient + "&code=8867-4&date=ge" + at + "&date=le" + at)).hasSize(1);
		assertThat(observations(nurse, patient + "&date=lt2000-01-01")).isEmpty();

		int total = observations(nurse, patient + "&_count=500").size();
		Bundle page = fhir.get(nurse, "Observation?" + patient + "&_count=4").bundle();
		assertThat(page.getEntry()).hasSize(4);
		int seen = 0;
		while (true) {
			seen += page.getEntry().size();
			if (page.getLink("next") == null) {
				break;
			}
			page = fhir.get(nurse, page.getLink("next").getUrl()).bundle();
		}
		assertThat(seen).isEqualTo(total).isGreaterThan(8);

		Bundle included = fhir.get(nurse, "Observation?" + patient + "&code=29463-7&_include=Observation:patient").bundle();
		assertThat(included.getEntry()).extracting(e -> e.getResource().fhirType()).containsExactlyInAnyOrder("Observation", "Patient");
		assertThat(included.getEntry()).filteredOn(e -> e.getResource() instanceof Patient)
			.extracting(e -> e.getSearch().getMode()).containsExactly(Bundle.SearchEntryMode.INCLUDE);
		Bundle withoutInclude = fhir.get(nurse, "Observation?" + patient + "&code=29463-7").bundle();
		assertThat(withoutInclude.getEntry()).extracting(e -> e.getResource().fhirType()).containsExactly("Observation");
	}

	@Test
	void questionnaireResponsesHoldEveryAnswerAgainstTheLoincForm() {
		String nurse = api.token("nurse");
		FhirClient.Response found = fhir.get(nurse, "QuestionnaireResponse?patient=" + rich.patientId());
		assertThat(found.status()).as(found.body()).isEqualTo(200);
		List<QuestionnaireResponse> responses = found.bundle().getEntry().stream().map(e -> (QuestionnaireResponse) e.getResource()).toList();
		assertThat(responses).extracting(QuestionnaireResponse::getQuestionnaire)
			.containsExactlyInAnyOrder("http://loinc.org/q/44249-1", "http://loinc.org/q/69737-5",
					"https://ketamineclinic.org/fhir/Questionnaire/moaas");

		QuestionnaireResponse phq9 = fhir.get(nurse, "QuestionnaireResponse/" + rich.phq9Id()).resource(QuestionnaireResponse.class);
		assertThat(phq9.getStatus()).isEqualTo(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
		assertThat(phq9.getSubject().getReference()).isEqualTo("Patient/" + rich.patientId());
		assertThat(phq9.getItem()).hasSize(9);
		assertThat(phq9.getItem().get(0).getLinkId()).isEqualTo("44250-9");
		assertThat(phq9.getItem().get(0).getAnswerFirstRep().getValueCoding().getCode()).isEqualTo("LA6571-9");
		assertThat(phq9.getItem().get(8).getLinkId()).isEqualTo("44260-8");
		assertThat(phq9.getItem().get(8).getAnswerFirstRep().getValueCoding().getCode()).isEqualTo("LA6568-5");

		String authored = encoded(phq9.getAuthoredElement().getValueAsString());
		FhirClient.Response since = fhir.get(nurse, "QuestionnaireResponse?patient=" + rich.patientId() + "&authored=gt" + authored
				+ "&_include=QuestionnaireResponse:patient");
		assertThat(since.bundle().getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart())
			.doesNotContain(rich.phq9Id()).contains(rich.gad7Id(), rich.patientId());
		assertThat(fhir.get(nurse, "QuestionnaireResponse?patient=" + rich.patientId() + "&_count=1").bundle().getEntry()).hasSize(1);
	}

	@Test
	void conditionsAreCodedProblemListItems() {
		String nurse = api.token("nurse");
		Condition condition = fhir.get(nurse, "Condition/" + rich.conditionId()).resource(Condition.class);
		assertThat(condition.getCode().getCodingFirstRep().getSystem()).isEqualTo("http://hl7.org/fhir/sid/icd-10-cm");
		assertThat(condition.getCode().getCodingFirstRep().getCode()).isEqualTo("F33.2");
		assertThat(condition.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("problem-list-item");
		assertThat(condition.getClinicalStatus().getCodingFirstRep().getCode()).isEqualTo("active");
		assertThat(condition.getVerificationStatus().getCodingFirstRep().getCode()).isEqualTo("confirmed");
		assertThat(condition.getOnsetDateTimeType().getValueAsString()).isEqualTo("2019-04-01");
		assertThat(condition.getRecordedDate()).isNotNull();

		String patient = "Condition?patient=" + rich.patientId();
		assertThat(fhir.get(nurse, patient + "&code=http://hl7.org/fhir/sid/icd-10-cm%7CF33.2").bundle().getEntry()).hasSize(1);
		assertThat(fhir.get(nurse, patient + "&code=F32.1").bundle().getEntry()).isEmpty();
		assertThat(fhir.get(nurse, patient + "&category=problem-list-item").bundle().getEntry()).hasSize(1);
		assertThat(fhir.get(nurse, patient + "&category=health-concern").bundle().getEntry()).isEmpty();
		assertThat(fhir.get(nurse, patient + "&_include=Condition:patient").bundle().getEntry())
			.extracting(e -> e.getResource().fhirType()).containsExactlyInAnyOrder("Condition", "Patient");
	}

	@Test
	void onlyTheCareTeamAndThePatientThemselfReadAndEveryReadIsAudited() {
		String observationId = rich.sessionId() + "-pre-hr";
		for (String type : List.of("Observation", "QuestionnaireResponse", "Condition")) {
			assertThat(fhir.get(api.token("frontdesk"), type + "?patient=" + rich.patientId()).status()).as(type).isEqualTo(403);
			assertThat(fhir.get(api.token("admin"), type + "?patient=" + rich.patientId()).status()).as(type).isEqualTo(403);
			assertThat(fhir.get(null, type + "?patient=" + rich.patientId()).status()).as(type).isEqualTo(401);
			assertThat(fhir.get(api.token("patient1"), type + "?patient=" + rich.patientId()).bundle().getEntry()).as(type).isEmpty();
		}
		assertThat(fhir.get(api.token("frontdesk"), "Observation/" + observationId).status()).isEqualTo(403);
		assertThat(fhir.get(api.token("patient1"), "Observation/" + observationId).status()).isEqualTo(404);
		assertThat(fhir.get(api.token("patient1"), "QuestionnaireResponse/" + rich.phq9Id()).status()).isEqualTo(404);
		assertThat(fhir.get(api.token("patient1"), "Condition/" + rich.conditionId()).status()).isEqualTo(404);
		String nurse = api.token("nurse");
		assertThat(fhir.get(nurse, "Observation/" + UUID.randomUUID()).status()).isEqualTo(404);
		assertThat(fhir.get(nurse, "Observation/" + UUID.randomUUID() + "-hr").status()).isEqualTo(404);
		assertThat(fhir.get(nurse, "Observation/" + rich.sessionId() + "-pulse").status()).isEqualTo(404);
		assertThat(fhir.get(nurse, "Condition/not-a-uuid").status()).isEqualTo(404);

		// Another clinic's physician finds nothing of this patient.
		ClinicId other = accounts.createClinic("FHIR Other Clinic " + UUID.randomUUID().toString().substring(0, 8));
		String otherPhysician = "fhir-other-" + UUID.randomUUID().toString().substring(0, 8);
		accounts.createAccount(other, new Accounts.NewAccount(otherPhysician, "Other physician", Role.PHYSICIAN, null, PASSWORD), "fhir-tests");
		String otherToken = api.token(otherPhysician, PASSWORD);
		assertThat(fhir.get(otherToken, "Observation/" + observationId).status()).isEqualTo(404);
		assertThat(fhir.get(otherToken, "Condition/" + rich.conditionId()).status()).isEqualTo(404);
		assertThat(fhir.get(otherToken, "QuestionnaireResponse/" + rich.phq9Id()).status()).isEqualTo(404);
		assertThat(fhir.get(otherToken, "Observation?patient=" + rich.patientId()).bundle().getEntry()).isEmpty();
		// Staff name the patient: a clinic's millions of observations leave through $export, not a search.
		FhirClient.Response clinicWide = fhir.get(nurse, "Observation?code=29463-7");
		assertThat(clinicWide.status()).isEqualTo(400);
		assertThat(clinicWide.resource(org.hl7.fhir.r4.model.OperationOutcome.class).getIssueFirstRep().getDiagnostics())
			.contains("patient=");
		assertThat(fhir.get(nurse, "Condition").status()).isEqualTo(400);
		assertThat(fhir.get(nurse, "QuestionnaireResponse").status()).isEqualTo(400);

		// The patient themself sees their own record without naming it, and nothing else.
		ClinicId clinic = new ClinicId(jdbc.queryForObject("SELECT clinic_id FROM user_account WHERE username = 'nurse'", UUID.class));
		String username = "fhir-pt-" + UUID.randomUUID().toString().substring(0, 8);
		accounts.createAccount(clinic, new Accounts.NewAccount(username, "Eva Patient", Role.PATIENT, UUID.fromString(rich.patientId()),
				PASSWORD), "fhir-tests");
		String own = api.token(username, PASSWORD);
		List<Observation> mine = observations(own, "");
		assertThat(mine).isNotEmpty().allSatisfy(o -> assertThat(o.getSubject().getReference()).isEqualTo("Patient/" + rich.patientId()));
		assertThat(fhir.get(own, "Observation/" + observationId).resource(Observation.class).getValueQuantity().getValue())
			.isEqualByComparingTo("72");
		assertThat(fhir.get(own, "Condition").bundle().getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart())
			.containsExactly(rich.conditionId());

		UUID patientId = UUID.fromString(rich.patientId());
		int before = audited(patientId, "FHIR Observation");
		fhir.get(nurse, "Observation/" + observationId);
		fhir.get(nurse, "Observation?patient=" + rich.patientId());
		assertThat(audited(patientId, "FHIR Observation")).isEqualTo(before + 2);
		int responses = audited(patientId, "FHIR QuestionnaireResponse");
		fhir.get(nurse, "QuestionnaireResponse/" + rich.phq9Id());
		assertThat(audited(patientId, "FHIR QuestionnaireResponse")).isEqualTo(responses + 1);
		int conditions = audited(patientId, "FHIR Condition");
		fhir.get(nurse, "Condition?patient=" + rich.patientId());
		assertThat(audited(patientId, "FHIR Condition")).isEqualTo(conditions + 1);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_entry WHERE username = 'frontdesk' AND outcome = 'DENIED' "
				+ "AND resource_type = 'Observation'", Integer.class)).isPositive();
	}

	@Test
	void voidedEntriesAndVoidedPatientsAreLeftOut() {
		String nurse = api.token("nurse");
		String physician = api.token("physician");
		String patient = org.ketamineclinic.support.EvaluationCharts.complete(api, "Voided");
		String chart = "/api/v1/patients/" + patient;
		String kept = api.post(physician, chart + "/conditions", Map.of("code", "370143000", "system", "SNOMED",
				"display", "Major depressive disorder")).json().get("id").asString();
		String voided = api.post(physician, chart + "/conditions", Map.of("code", "F32.1", "system", "ICD10")).json().get("id").asString();
		// The chart API has no way to void a single entry yet; the columns are what every reader must honour.
		jdbc.update("UPDATE patient_condition SET voided_at = now(), voided_by = 'physician', void_reason = 'Entered in error' WHERE id = ?",
				UUID.fromString(voided));
		jdbc.update("UPDATE assessment SET voided_at = now(), voided_by = 'nurse', void_reason = 'Wrong patient' WHERE patient_id = ?",
				UUID.fromString(patient));
		jdbc.update("UPDATE patient_measurement SET voided_at = now(), voided_by = 'nurse', void_reason = 'Wrong scale' "
				+ "WHERE patient_id = ? AND weight_kg IS NOT NULL", UUID.fromString(patient));

		assertThat(fhir.get(nurse, "Condition?patient=" + patient).bundle().getEntry())
			.extracting(e -> ((Condition) e.getResource()).getCode().getCodingFirstRep().getSystem())
			.containsExactly("http://snomed.info/sct");
		assertThat(fhir.get(nurse, "Condition/" + voided).status()).isEqualTo(404);
		assertThat(fhir.get(nurse, "QuestionnaireResponse?patient=" + patient).bundle().getEntry()).isEmpty();
		assertThat(observations(nurse, "patient=" + patient)).extracting(o -> o.getCode().getCodingFirstRep().getCode())
			.containsExactly("85354-9");

		long version = api.get(nurse, chart).json().get("version").asLong();
		ApiClient.Response voidedPatient = api.post(physician, chart + "/void", Map.of("reason", "Duplicate registration", "version", version));
		assertThat(voidedPatient.status()).as(voidedPatient.body()).isEqualTo(200);
		assertThat(fhir.get(nurse, "Condition/" + kept).status()).isEqualTo(404);
		assertThat(observations(nurse, "patient=" + patient)).isEmpty();
	}

	private int audited(UUID patientId, String resourceType) {
		return jdbc.queryForObject("SELECT count(*) FROM audit_entry WHERE patient_id = ? AND resource_type = ?", Integer.class,
				patientId, resourceType);
	}

	static String encoded(String value) {
		return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
	}
}
