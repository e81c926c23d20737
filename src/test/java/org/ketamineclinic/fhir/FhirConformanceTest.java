package org.ketamineclinic.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import ca.uhn.fhir.validation.SingleValidationMessage;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.ketamineclinic.support.ApiClient;
import org.ketamineclinic.support.ClinicIntegrationTest;
import org.ketamineclinic.support.FhirClient;
import org.ketamineclinic.support.FhirValidation;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every resource type the server lists in its CapabilityStatement, for a patient with data of every
 * kind, validates against the R4 core and US Core 6.1.0 without errors. The types come from
 * /fhir/metadata, so a newly served type is covered here without changing this test, and fails it
 * until the fixture charts data of that type.
 */
@ClinicIntegrationTest
class FhirConformanceTest {

	@LocalServerPort
	int port;

	@Test
	void everyServedResourceOfARichPatientValidatesAgainstUsCore() {
		ApiClient api = new ApiClient(port);
		FhirClient fhir = new FhirClient(port);
		// Two charts between them hold data of every kind: an esketamine patient with scales, measurements
		// and a diagnosis, and an IV patient with a course, an infusion from a lot and appointments.
		List<String> patients = List.of(FhirFixtures.richPatient(api, "Conform").patientId(),
				FhirSessionFixtures.finishedIvSession(api, "Conform").patientId());
		String physician = api.token("physician");

		CapabilityStatement metadata = fhir.get(null, "metadata").resource(CapabilityStatement.class);
		// Patient and every type searchable by patient: the patient compartment (HAPI also lists OperationDefinition).
		List<String> types = metadata.getRestFirstRep().getResource().stream()
			.filter(r -> r.getType().equals("Patient") || r.getSearchParam().stream().anyMatch(p -> p.getName().equals("patient")))
			.map(r -> r.getType())
			.toList();
		assertThat(types).contains("Patient", "Observation", "QuestionnaireResponse", "Condition", "MedicationAdministration",
				"Encounter", "Appointment", "AdverseEvent", "CarePlan");

		List<String> failures = new ArrayList<>();
		for (String type : types) {
			List<Resource> resources = new ArrayList<>();
			for (String patient : patients) {
				if (type.equals("Patient")) {
					FhirClient.Response read = fhir.get(physician, "Patient/" + patient);
					assertThat(read.status()).as(read.body()).isEqualTo(200);
					resources.add(read.resource(Patient.class));
					continue;
				}
				String next = type + "?patient=" + patient + "&_count=200";
				while (next != null) {
					FhirClient.Response page = fhir.get(physician, next);
					assertThat(page.status()).as(type + ": " + page.body()).isEqualTo(200);
					Bundle bundle = page.bundle();
					bundle.getEntry().forEach(entry -> resources.add(entry.getResource()));
					next = bundle.getLink("next") == null ? null : bundle.getLink("next").getUrl();
				}
			}
			assertThat(resources).as("no " + type + " for the test patients: extend the fixtures").isNotEmpty();
			for (Resource resource : resources) {
				List<SingleValidationMessage> errors = FhirValidation.errors(resource);
				if (!errors.isEmpty()) {
					failures.add(resource.fhirType() + "/" + resource.getIdElement().getIdPart() + FhirValidation.describe(errors));
				}
			}
		}
		assertThat(failures).as(String.join("\n", failures)).isEmpty();
	}

	@Test
	void theValidatorReallyChecksUsCoreWhenThePackagesArePresent() {
		Patient broken = new Patient();
		broken.getMeta().addProfile("http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient");
		broken.addName().setFamily("Nobody");
		broken.setGender(org.hl7.fhir.r4.model.Enumerations.AdministrativeGender.FEMALE);
		// No identifier: US Core Patient requires at least one.

		List<SingleValidationMessage> errors = FhirValidation.errors(broken);

		if (java.nio.file.Files.isDirectory(FhirValidation.PACKAGES)) {
			assertThat(FhirValidation.loadedPackages()).contains("hl7.fhir.us.core", "hl7.terminology.r4", "hl7.fhir.uv.extensions.r4");
			assertThat(errors).as(FhirValidation.describe(errors))
				.anySatisfy(message -> assertThat(message.getLocationString()).contains("Patient"))
				.anySatisfy(message -> assertThat(message.getMessage()).containsIgnoringCase("identifier"));
		}
		else {
			// Without the packages the US Core profile is unknown, which is itself an error.
			assertThat(errors).isNotEmpty();
		}
	}
}
