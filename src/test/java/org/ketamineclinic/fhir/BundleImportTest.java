package org.ketamineclinic.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Timing;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ketamineclinic.support.ApiClient;
import org.ketamineclinic.support.ClinicIntegrationTest;
import org.ketamineclinic.support.FhirClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@ClinicIntegrationTest
class BundleImportTest {

	static final String LOINC = "http://loinc.org";
	static final List<String> PHQ9_ITEMS = List.of("44250-9", "44255-8", "44259-0", "44254-1", "44251-7", "44258-2",
			"44252-5", "44253-3", "44260-8");
	static final List<String> TABLES = List.of("patient", "patient_condition", "patient_measurement", "patient_medication",
			"antidepressant_trial", "assessment", "assessment_item", "fhir_import_link");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	ApiClient api;
	FhirClient fhir;

	@BeforeEach
	void clients() {
		api = new ApiClient(port);
		fhir = new FhirClient(port);
	}

	@Test
	void aReferralBundleIsStoredThroughTheModulesAndASecondImportAddsNothing() {
		String mrnAtSender = UUID.randomUUID().toString();
		Bundle bundle = referral(mrnAtSender, List.of(2, 2, 1, 2, 1, 1, 1, 0, 0), 10);

		FhirClient.Response response = fhir.post(api.token("physician"), "", bundle);

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		Bundle answer = response.bundle();
		assertThat(answer.getType()).isEqualTo(Bundle.BundleType.TRANSACTIONRESPONSE);
		assertThat(answer.getEntry()).hasSize(bundle.getEntry().size());
		List<String> statuses = answer.getEntry().stream().map(e -> e.getResponse().getStatus()).toList();
		assertThat(statuses.subList(0, 11)).allMatch(s -> s.equals("201 Created"));
		Bundle.BundleEntryResponseComponent encounter = answer.getEntry().get(11).getResponse();
		assertThat(encounter.getStatus()).isEqualTo("200 OK");
		assertThat(((OperationOutcome) encounter.getOutcome()).getIssueFirstRep().getDiagnostics()).contains("not imported");
		String patientLocation = answer.getEntryFirstRep().getResponse().getLocation();
		assertThat(patientLocation).startsWith("Patient/");
		UUID patientId = UUID.fromString(patientLocation.substring("Patient/".length()));

		assertThat(jdbc.sql("SELECT given_name || ' ' || family_name FROM patient WHERE id = ?").param(patientId)
			.query(String.class).single()).isEqualTo("Ana Referral");
		assertThat(jdbc.sql("SELECT code || '/' || code_system FROM patient_condition WHERE patient_id = ?").param(patientId)
			.query(String.class).list()).containsExactly("F33.2/ICD10");
		assertThat(jdbc.sql("SELECT instrument || ':' || total FROM assessment WHERE patient_id = ? ORDER BY instrument")
			.param(patientId).query(String.class).list()).containsExactly("GAD7:8", "PHQ9:10");
		assertThat(jdbc.sql("""
				SELECT i.loinc FROM assessment_item i JOIN assessment a ON a.id = i.assessment_id
				WHERE a.patient_id = ? AND a.instrument = 'PHQ9' ORDER BY i.item_number""").param(patientId)
			.query(String.class).list()).isEqualTo(PHQ9_ITEMS);
		assertThat(jdbc.sql("SELECT count(*) FROM assessment_item i JOIN assessment a ON a.id = i.assessment_id "
				+ "WHERE a.patient_id = ? AND a.instrument = 'GAD7'").param(patientId).query(Integer.class).single()).isZero();
		Map<String, Object> vitals = jdbc.sql("""
				SELECT max(weight_kg) AS weight, max(height_cm) AS height, max(sbp) AS sbp, max(dbp) AS dbp,
				       max(heart_rate) AS hr, max(respiratory_rate) AS rr, max(spo2) AS spo2, count(*) AS rows
				FROM patient_measurement WHERE patient_id = ?""").param(patientId).query().singleRow();
		assertThat(vitals).containsEntry("weight", new BigDecimal("72.5")).containsEntry("height", new BigDecimal("168.0"))
			.containsEntry("sbp", 128).containsEntry("dbp", 82).containsEntry("hr", 74).containsEntry("rr", 14)
			.containsEntry("spo2", 97).containsEntry("rows", 6L);
		assertThat(jdbc.sql("SELECT name || '|' || medication_class || '|' || (end_date IS NULL) FROM patient_medication WHERE patient_id = ?")
			.param(patientId).query(String.class).list()).containsExactly("Sertraline 50 MG Oral Tablet|ANTIDEPRESSANT|true");
		assertThat(jdbc.sql("""
				SELECT drug || '|' || drug_class || '|' || daily_dose_mg || '|' || outcome || '|' || current_episode
				FROM antidepressant_trial WHERE patient_id = ?""").param(patientId).query(String.class).list())
			.containsExactly("Sertraline|SSRI|100.00|UNKNOWN|true");
		assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE patient_id = ? AND resource_type = 'FHIR import' "
				+ "AND action = 'CREATE' AND username = 'physician'").param(patientId).query(Integer.class).single()).isEqualTo(1);

		// What came in goes out again over FHIR, as US Core resources.
		Bundle exported = fhir.get(api.token("physician"), "Observation?patient=" + patientId + "&_count=100").bundle();
		Map<String, String> values = new java.util.TreeMap<>();
		for (Bundle.BundleEntryComponent entry : exported.getEntry()) {
			Observation observation = (Observation) entry.getResource();
			assertThat(org.ketamineclinic.support.FhirValidation.errors(observation))
				.as(observation.getIdPart() + org.ketamineclinic.support.FhirValidation.describe(
						org.ketamineclinic.support.FhirValidation.errors(observation)))
				.isEmpty();
			String value = observation.hasValueQuantity() ? observation.getValueQuantity().getValue().stripTrailingZeros().toPlainString()
					: observation.hasValueIntegerType() ? observation.getValueIntegerType().asStringValue()
					: observation.getComponent().stream().map(c -> c.getValueQuantity().getValue().toPlainString())
						.collect(java.util.stream.Collectors.joining("/"));
			values.put(observation.getCode().getCodingFirstRep().getCode(), value);
		}
		assertThat(values).containsEntry("8867-4", "74").containsEntry("9279-1", "14").containsEntry("59408-5", "97")
			.containsEntry("29463-7", "72.5").containsEntry("85354-9", "128/82").containsEntry("44261-6", "10")
			.containsEntry("70274-6", "8");

		// The PHQ-9's answers came in, so it has a QuestionnaireResponse; the GAD-7 came as a total alone and has none.
		Bundle responses = fhir.get(api.token("physician"), "QuestionnaireResponse?patient=" + patientId).bundle();
		assertThat(responses.getEntry()).hasSize(1);
		assertThat(((org.hl7.fhir.r4.model.QuestionnaireResponse) responses.getEntryFirstRep().getResource()).getItem()).hasSize(9);
		for (Bundle.BundleEntryComponent entry : exported.getEntry()) {
			Observation observation = (Observation) entry.getResource();
			String code = observation.getCode().getCodingFirstRep().getCode();
			if (code.equals("44261-6")) {
				assertThat(observation.getDerivedFromFirstRep().getReference())
					.isEqualTo("QuestionnaireResponse/" + responses.getEntryFirstRep().getResource().getIdPart());
			}
			if (code.equals("70274-6")) {
				assertThat(observation.getDerivedFrom()).isEmpty();
			}
		}

		// Each stored Observation's location is where it is served.
		for (Bundle.BundleEntryComponent entry : answer.getEntry()) {
			String location = entry.getResponse().getLocation();
			if (location != null && location.startsWith("Observation/")) {
				assertThat(fhir.get(api.token("physician"), location).status()).as(location).isEqualTo(200);
			}
		}

		Map<String, Integer> before = counts();
		FhirClient.Response again = fhir.post(api.token("physician"), "", bundle);

		assertThat(again.status()).isEqualTo(200);
		assertThat(again.bundle().getEntry()).extracting(e -> e.getResponse().getStatus()).containsOnly("200 OK");
		assertThat(again.bundle().getEntry().subList(0, 11)).extracting(e -> e.getResponse().getLocation())
			.isEqualTo(answer.getEntry().subList(0, 11).stream().map(e -> e.getResponse().getLocation()).toList());
		assertThat(counts()).isEqualTo(before);
	}

	@Test
	void aBadBundleIsRefusedWholeNamingTheEntryAndStoresNothing() {
		Map<String, Integer> before = counts();

		FhirClient.Response outOfRange = fhir.post(api.token("physician"), "", referral(UUID.randomUUID().toString(), List.of(), 40));
		assertThat(outOfRange.status()).isEqualTo(422);
		String diagnostics = outOfRange.resource(OperationOutcome.class).getIssueFirstRep().getDiagnostics();
		assertThat(diagnostics).contains("Bundle.entry[2]").contains("total must be from 0 to 27").doesNotContain("Referral");
		assertThat(counts()).isEqualTo(before);

		FhirClient.Response disagreeing = fhir.post(api.token("physician"), "",
				referral(UUID.randomUUID().toString(), List.of(3, 3, 3, 0, 0, 0, 0, 0, 0), 12));
		assertThat(disagreeing.status()).isEqualTo(422);
		assertThat(disagreeing.resource(OperationOutcome.class).getIssueFirstRep().getDiagnostics())
			.contains("Bundle.entry[2]").contains("does not agree with the item answers");
		assertThat(counts()).isEqualTo(before);

		Bundle dangling = referral(UUID.randomUUID().toString(), List.of(), 10);
		((Condition) dangling.getEntry().get(1).getResource()).setSubject(new Reference("urn:uuid:" + UUID.randomUUID()));
		FhirClient.Response missing = fhir.post(api.token("physician"), "", dangling);
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.resource(OperationOutcome.class).getIssueFirstRep().getDiagnostics()).contains("Bundle.entry[1]")
			.contains("neither an entry of this bundle nor a patient known here");
		assertThat(counts()).isEqualTo(before);

		Bundle fastHeart = referral(UUID.randomUUID().toString(), List.of(), 10);
		((Observation) fastHeart.getEntry().get(7).getResource()).setValue(new Quantity(260).setUnit("/min"));
		FhirClient.Response implausible = fhir.post(api.token("physician"), "", fastHeart);
		assertThat(implausible.status()).isEqualTo(422);
		assertThat(implausible.resource(OperationOutcome.class).getIssueFirstRep().getDiagnostics())
			.contains("Bundle.entry[7]").contains("heartRate must be from 20 to 250");
		assertThat(counts()).isEqualTo(before);

		Bundle batch = referral(UUID.randomUUID().toString(), List.of(), 10).setType(Bundle.BundleType.BATCH);
		FhirClient.Response refusedType = fhir.post(api.token("physician"), "", batch);
		assertThat(refusedType.status()).isEqualTo(400);
		assertThat(refusedType.resource(OperationOutcome.class).getIssueFirstRep().getDiagnostics()).contains("transaction");
		assertThat(counts()).isEqualTo(before);
	}

	@Test
	void aRecentPositiveItemNineRaisesARiskAlertAndAnOldOneIsKeptAsHistory() {
		List<Integer> itemNine = List.of(1, 1, 1, 1, 1, 0, 0, 0, 2);
		Bundle recent = referral(UUID.randomUUID().toString(), itemNine, 7);
		((Observation) recent.getEntry().get(2).getResource())
			.setEffective(new DateTimeType(java.util.Date.from(java.time.Instant.now().minus(java.time.Duration.ofDays(3)))));
		Bundle old = referral(UUID.randomUUID().toString(), itemNine, 7);

		UUID recentPatient = importedPatient(fhir.post(api.token("physician"), "", recent));
		UUID oldPatient = importedPatient(fhir.post(api.token("physician"), "", old));

		assertThat(riskAlerts(recentPatient)).isEqualTo(1);
		assertThat(riskAlerts(oldPatient)).isZero();
		assertThat(jdbc.sql("SELECT flags FROM assessment WHERE patient_id = ? AND instrument = 'PHQ9'").param(oldPatient)
			.query(String.class).single()).startsWith("SUICIDE_RISK|");
	}

	private UUID importedPatient(FhirClient.Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return UUID.fromString(response.bundle().getEntryFirstRep().getResponse().getLocation().substring("Patient/".length()));
	}

	private int riskAlerts(UUID patientId) {
		return jdbc.sql("SELECT count(*) FROM risk_alert WHERE patient_id = ? AND code = 'SUICIDE_RISK'").param(patientId)
			.query(Integer.class).single();
	}

	@Test
	void onlyAPhysicianImportsAndARefusalIsAudited() {
		Map<String, Integer> before = counts();
		int denials = deniedImports();

		for (String user : List.of("nurse", "frontdesk", "therapist", "admin")) {
			FhirClient.Response refused = fhir.post(api.token(user), "", referral(UUID.randomUUID().toString(), List.of(), 5));
			assertThat(refused.status()).as(user).isEqualTo(403);
		}
		assertThat(fhir.post(null, "", referral(UUID.randomUUID().toString(), List.of(), 5)).status()).isEqualTo(401);

		assertThat(counts()).isEqualTo(before);
		assertThat(deniedImports()).isEqualTo(denials + 4);
	}

	private int deniedImports() {
		return jdbc.sql("SELECT count(*) FROM audit_entry WHERE resource_type = 'FHIR import' AND outcome = 'DENIED'")
			.query(Integer.class).single();
	}

	private Map<String, Integer> counts() {
		Map<String, Integer> counts = new java.util.TreeMap<>();
		for (String table : TABLES) {
			counts.put(table, jdbc.sql("SELECT count(*) FROM " + table).query(Integer.class).single());
		}
		return counts;
	}

	/**
	 * Patient, Condition F33.2, PHQ-9 total (with items when given), GAD-7 total, blood pressure,
	 * weight, height, heart rate, respiratory rate and SpO2 (entries 4 to 9), sertraline 50 mg twice a
	 * day (entry 10), and an Encounter the clinic does not keep (entry 11).
	 */
	static Bundle referral(String mrnAtSender, List<Integer> phq9Items, int phq9Total) {
		Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		String patientUrl = "urn:uuid:" + UUID.randomUUID();
		Patient patient = new Patient();
		patient.addIdentifier().setSystem("https://referrer.example/mrn").setValue(mrnAtSender);
		patient.addName().setFamily("Referral").addGiven("Ana");
		patient.setBirthDateElement(new DateType("1980-04-12"));
		patient.setGender(Enumerations.AdministrativeGender.FEMALE);
		patient.addTelecom().setSystem(org.hl7.fhir.r4.model.ContactPoint.ContactPointSystem.PHONE).setValue("555-201-3344");
		add(bundle, patientUrl, patient);
		Reference subject = new Reference(patientUrl);

		Condition condition = new Condition().setSubject(subject)
			.setCode(new CodeableConcept(new Coding("http://hl7.org/fhir/sid/icd-10-cm", "F33.2",
					"Major depressive disorder, recurrent severe without psychotic features")));
		condition.setOnset(new DateTimeType("2024-03-01"));
		add(bundle, null, condition);

		Observation phq9 = observation(subject, "44261-6", "2025-09-01T10:00:00Z").setValue(new IntegerType(phq9Total));
		for (int i = 0; i < phq9Items.size(); i++) {
			phq9.addComponent().setCode(new CodeableConcept(new Coding(LOINC, PHQ9_ITEMS.get(i), null)))
				.setValue(new IntegerType(phq9Items.get(i)));
		}
		add(bundle, null, phq9);
		add(bundle, null, observation(subject, "70274-6", "2025-09-01T10:05:00Z").setValue(new Quantity(8).setUnit("{score}")));
		Observation bp = observation(subject, "85354-9", "2025-09-01T10:10:00Z");
		bp.addComponent().setCode(new CodeableConcept(new Coding(LOINC, "8480-6", null))).setValue(new Quantity(128).setUnit("mm[Hg]"));
		bp.addComponent().setCode(new CodeableConcept(new Coding(LOINC, "8462-4", null))).setValue(new Quantity(82).setUnit("mm[Hg]"));
		add(bundle, null, bp);
		add(bundle, null, observation(subject, "29463-7", "2025-09-01T10:11:00Z")
			.setValue(new Quantity().setValue(new BigDecimal("72.5")).setUnit("kg").setCode("kg")));
		add(bundle, null, observation(subject, "8302-2", "2025-09-01T10:12:00Z")
			.setValue(new Quantity().setValue(new BigDecimal("168")).setUnit("cm").setCode("cm")));
		add(bundle, null, observation(subject, "8867-4", "2025-09-01T10:13:00Z").setValue(new Quantity(74).setUnit("/min")));
		// A decimal reading, as Synthea sends them: kept as the nearest whole number (13.6 -> 14).
		add(bundle, null, observation(subject, "9279-1", "2025-09-01T10:14:00Z")
			.setValue(new Quantity().setValue(new BigDecimal("13.6")).setUnit("/min")));
		add(bundle, null, observation(subject, "2708-6", "2025-09-01T10:15:00Z").setValue(new Quantity(97).setUnit("%")));

		MedicationRequest sertraline = new MedicationRequest().setSubject(subject)
			.setStatus(MedicationRequest.MedicationRequestStatus.ACTIVE).setIntent(MedicationRequest.MedicationRequestIntent.ORDER)
			.setMedication(new CodeableConcept(new Coding("http://www.nlm.nih.gov/research/umls/rxnorm", "312941",
					"Sertraline 50 MG Oral Tablet")));
		sertraline.setAuthoredOnElement(new DateTimeType("2025-06-01"));
		Dosage dosage = sertraline.addDosageInstruction();
		dosage.setTiming(new Timing().setRepeat(new Timing.TimingRepeatComponent().setFrequency(2).setPeriod(1)
			.setPeriodUnit(Timing.UnitsOfTime.D)));
		dosage.addDoseAndRate().setDose(new Quantity(1));
		add(bundle, null, sertraline);
		add(bundle, null, new Encounter().setSubject(subject).setStatus(Encounter.EncounterStatus.FINISHED));
		return bundle;
	}

	private static Observation observation(Reference subject, String loinc, String at) {
		Observation observation = new Observation().setStatus(Observation.ObservationStatus.FINAL).setSubject(subject)
			.setCode(new CodeableConcept(new Coding(LOINC, loinc, null)));
		observation.setEffective(new DateTimeType(at));
		return observation;
	}

	private static void add(Bundle bundle, String fullUrl, Resource resource) {
		bundle.addEntry().setFullUrl(fullUrl == null ? "urn:uuid:" + UUID.randomUUID() : fullUrl).setResource(resource)
			.getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl(resource.fhirType());
	}
}
