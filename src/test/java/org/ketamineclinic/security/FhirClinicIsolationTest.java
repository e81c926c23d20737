package org.ketamineclinic.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.junit.jupiter.api.Test;
import org.ketamineclinic.fhir.FhirSessionFixtures;
import org.ketamineclinic.support.FhirClient;

/**
 * Over FHIR as over the JSON API, another clinic's staff cannot tell this clinic's patients exist:
 * reads are 404 exactly like an unknown id, and searches come back empty, for every resource type
 * the server offers.
 */
class FhirClinicIsolationTest extends SecurityTest {

	@Test
	void anotherClinicsPhysicianFindsNothingOfThisClinicsPatientInAnyResourceType() {
		UUID patient = UUID.fromString(FhirSessionFixtures.finishedIvSession(fixtures.api, "Isolated").patientId());
		java.util.Set<String> charted = java.util.Set.of("Observation", "MedicationAdministration", "Encounter", "AdverseEvent",
				"Appointment", "CarePlan");
		SecurityFixtures.OtherClinic other = fixtures.otherClinicWithPhysician();
		FhirClient fhir = new FhirClient(port);

		FhirClient.Response foreign = fhir.get(other.physicianToken(), "Patient/" + patient);
		FhirClient.Response unknown = fhir.get(other.physicianToken(), "Patient/" + UUID.randomUUID());
		assertThat(foreign.status()).isEqualTo(404);
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(foreign.body().replace(patient.toString(), "ID")).isEqualTo(
				unknown.body().replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "ID"));
		assertThat(fhir.get(fixtures.token("physician"), "Patient/" + patient).status()).isEqualTo(200);

		// Every type in the patient's compartment: those searchable by patient (HAPI also lists OperationDefinition).
		List<CapabilityStatement.CapabilityStatementRestResourceComponent> types = fhir.get(null, "metadata")
			.resource(CapabilityStatement.class).getRestFirstRep().getResource().stream()
			.filter(r -> r.getType().equals("Patient")
					|| r.getSearchParam().stream().anyMatch(p -> p.getName().equals("patient") || p.getName().equals("subject")))
			.toList();
		assertThat(types).extracting(r -> r.getType()).contains("Patient");
		for (var resource : types) {
			String type = resource.getType();
			String byPatient = resource.getSearchParam().stream().anyMatch(p -> p.getName().equals("patient")) ? "patient" : "subject";
			String query = type.equals("Patient") ? "Patient?_id=" + patient : type + "?" + byPatient + "=" + patient;
			FhirClient.Response search = fhir.get(other.physicianToken(), query);
			assertThat(search.status()).as(query).isEqualTo(200);
			Bundle bundle = search.bundle();
			assertThat(bundle.getEntry()).as(query).isEmpty();
			if (charted.contains(type)) {
				assertThat(fhir.get(fixtures.token("physician"), query).bundle().getEntry()).as("ours: " + query).isNotEmpty();
			}
		}
	}
}
