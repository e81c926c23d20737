package org.ketamineclinic.fhir.internal;

import java.util.List;
import java.util.Map;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;

/**
 * Completes the CapabilityStatement HAPI builds from the registered providers (which already
 * lists exactly the interactions, search parameters and operations that exist): the US Core
 * profiles each resource type conforms to, and how to authenticate.
 */
@Interceptor
class FhirCapabilities {

	static final String US_CORE = "http://hl7.org/fhir/us/core/StructureDefinition/";

	/** The US Core 6.1.0 profiles our resources claim; types without a US Core profile are plain R4. */
	static final Map<String, List<String>> SUPPORTED_PROFILES = Map.of(
			"Patient", List.of("us-core-patient"),
			"Observation", List.of("us-core-blood-pressure", "us-core-heart-rate", "us-core-pulse-oximetry",
					"us-core-respiratory-rate", "us-core-body-weight", "us-core-body-height", "us-core-bmi",
					"us-core-observation-screening-assessment"),
			"QuestionnaireResponse", List.of("us-core-questionnaireresponse"),
			"Condition", List.of("us-core-condition-problems-health-concerns"),
			"Encounter", List.of("us-core-encounter"),
			"CarePlan", List.of("us-core-careplan"));

	@Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
	void complete(IBaseConformance generated) {
		CapabilityStatement statement = (CapabilityStatement) generated;
		statement.setName("KetamineClinicFhirServer");
		statement.setTitle("Ketamine Clinic FHIR R4 API");
		for (CapabilityStatement.CapabilityStatementRestComponent rest : statement.getRest()) {
			rest.getSecurity()
				.setCors(false)
				.addService(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/restful-security-service",
						"OAuth", "OAuth")).setText("Bearer token"))
				.setDescription("Send Authorization: Bearer <token>, the token from POST /api/v1/auth/token. Staff see their own "
						+ "clinic's records, a patient token only that patient's. Only this statement is readable without a token.");
			for (CapabilityStatement.CapabilityStatementRestResourceComponent resource : rest.getResource()) {
				SUPPORTED_PROFILES.getOrDefault(resource.getType(), List.of())
					.forEach(profile -> resource.addSupportedProfile(US_CORE + profile));
			}
		}
	}
}
