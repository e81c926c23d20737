package org.ketamineclinic.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ketamineclinic.support.ApiClient;
import org.ketamineclinic.support.ClinicIntegrationTest;
import org.ketamineclinic.support.FhirClient;
import org.springframework.boot.test.web.server.LocalServerPort;

@ClinicIntegrationTest
class FhirPatientTest {

	@LocalServerPort
	int port;

	ApiClient api;
	FhirClient fhir;

	@BeforeEach
	void clients() {
		api = new ApiClient(port);
		fhir = new FhirClient(port);
	}

	@Test
	void theCapabilityStatementIsPublicAndListsPatient() {
		FhirClient.Response metadata = fhir.get(null, "metadata");

		assertThat(metadata.status()).isEqualTo(200);
		CapabilityStatement statement = metadata.resource(CapabilityStatement.class);
		assertThat(statement.getFhirVersion().toCode()).isEqualTo("4.0.1");
		var patient = statement.getRestFirstRep().getResource().stream().filter(r -> r.getType().equals("Patient")).findFirst()
			.orElseThrow();
		assertThat(patient.getSupportedProfile()).extracting(p -> p.getValue())
			.containsExactly("http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient");
		assertThat(patient.getInteraction()).extracting(i -> i.getCode().toCode()).contains("read", "search-type");
		assertThat(patient.getSearchParam()).extracting(p -> p.getName()).contains("identifier", "name", "birthdate", "gender");
		assertThat(statement.getRestFirstRep().getSecurity().getService()).isNotEmpty();
	}

	@Test
	void patientsNeedATokenAndAPatientTokenSeesOnlyItsOwnRecord() {
		FhirClient.Response anonymous = fhir.get(null, "Patient");
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.resource(OperationOutcome.class).getIssueFirstRep().getCode())
			.isEqualTo(OperationOutcome.IssueType.LOGIN);

		Bundle own = fhir.get(api.token("patient1"), "Patient").bundle();
		assertThat(own.getTotal()).isEqualTo(1);
		Patient patient = (Patient) own.getEntryFirstRep().getResource();
		assertThat(patient.getMeta().getProfile().get(0).getValue())
			.isEqualTo("http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient");
		assertThat(patient.getIdentifierFirstRep().getValue()).isNotBlank();

		Bundle staff = fhir.get(api.token("nurse"), "Patient?_count=5").bundle();
		assertThat(staff.getEntry()).hasSize(5);
		assertThat(staff.getLink("next")).isNotNull();
		String someoneElse = staff.getEntry().stream().map(e -> e.getResource().getIdElement().getIdPart())
			.filter(id -> !id.equals(patient.getIdElement().getIdPart())).findFirst().orElseThrow();

		FhirClient.Response refused = fhir.get(api.token("patient1"), "Patient/" + someoneElse);
		assertThat(refused.status()).isEqualTo(404);
		assertThat(refused.resource(OperationOutcome.class).getIssueFirstRep().getSeverity())
			.isEqualTo(OperationOutcome.IssueSeverity.ERROR);

		Patient read = fhir.get(api.token("nurse"), "Patient/" + someoneElse).resource(Patient.class);
		assertThat(read.getIdElement().getIdPart()).isEqualTo(someoneElse);
		assertThat(fhir.get(api.token("admin"), "Patient/" + someoneElse).status()).isEqualTo(403);
	}
}
