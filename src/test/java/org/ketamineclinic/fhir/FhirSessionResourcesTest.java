package org.ketamineclinic.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.ValidationResult;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.NpmPackageValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.UnknownCodeSystemWarningValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.AdverseEvent;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.utilities.npm.NpmPackage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ketamineclinic.support.ApiClient;
import org.ketamineclinic.support.ClinicIntegrationTest;
import org.ketamineclinic.support.FhirClient;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The dosing session, its doses and side effects, the course and the appointments over FHIR, charted through the JSON API. */
@ClinicIntegrationTest
class FhirSessionResourcesTest {

	@LocalServerPort
	int port;

	ApiClient api;
	FhirClient fhir;

	private static FhirSessionFixtures.FinishedSession charted;

	@BeforeEach
	void chart() {
		api = new ApiClient(port);
		fhir = new FhirClient(port);
		synchronized (FhirSessionResourcesTest.class) {
			if (charted == null) {
				charted = FhirSessionFixtures.finishedIvSession(api, "FhirSession");
			}
		}
	}

	static List<Resource> matches(Bundle bundle) {
		return bundle.getEntry().stream().filter(e -> e.getSearch().getMode() != Bundle.SearchEntryMode.INCLUDE)
			.map(Bundle.BundleEntryComponent::getResource).toList();
	}

	static List<Resource> included(Bundle bundle) {
		return bundle.getEntry().stream().filter(e -> e.getSearch().getMode() == Bundle.SearchEntryMode.INCLUDE)
			.map(Bundle.BundleEntryComponent::getResource).toList();
	}

	static String patientOf(Resource resource) {
		if (resource instanceof Appointment appointment) {
			return appointment.getParticipantFirstRep().getActor().getReference();
		}
		return FhirClient.FHIR.newTerser().getSinglePrimitiveValueOrNull(resource, "subject.reference");
	}

	Bundle search(String token, String path) {
		FhirClient.Response response = fhir.get(token, path);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.bundle();
	}

	@Test
	void theDosingSessionIsAFinishedAmbulatoryEncounterFromCheckInToDischarge() {
		String nurse = api.token("nurse");
		FhirClient.Response read = fhir.get(nurse, "Encounter/" + charted.sessionId());
		assertThat(read.status()).as(read.body()).isEqualTo(200);
		Encounter encounter = read.resource(Encounter.class);
		assertThat(encounter.getMeta().getProfile().get(0).getValue())
			.isEqualTo("http://hl7.org/fhir/us/core/StructureDefinition/us-core-encounter");
		assertThat(encounter.getStatus()).isEqualTo(Encounter.EncounterStatus.FINISHED);
		assertThat(encounter.getClass_().getSystem()).isEqualTo("http://terminology.hl7.org/CodeSystem/v3-ActCode");
		assertThat(encounter.getClass_().getCode()).isEqualTo("AMB");
		assertThat(encounter.getTypeFirstRep().getCodingFirstRep().getCode()).isEqualTo("IV_KETAMINE");
		assertThat(encounter.getTypeFirstRep().getText()).isEqualTo("IV ketamine infusion");
		assertThat(encounter.getSubject().getReference()).isEqualTo("Patient/" + charted.patientId());
		assertThat(encounter.getPeriod().getStart().toInstant()).isEqualTo(charted.checkedInAt());
		assertThat(encounter.getPeriod().getEnd().toInstant()).isEqualTo(charted.dischargedAt());
		assertThat(encounter.getParticipant()).extracting(p -> p.getTypeFirstRep().getCodingFirstRep().getCode())
			.containsExactly("ADM", "DIS");
		assertThat(encounter.getLocationFirstRep().getLocation().getDisplay()).isEqualTo("Chair-FHIR");

		String patient = "patient=" + charted.patientId();
		Instant checkIn = charted.checkedInAt();
		assertThat(matches(search(nurse, "Encounter?" + patient + "&status=finished"))).hasSize(1);
		assertThat(matches(search(nurse, "Encounter?" + patient + "&status=planned,cancelled"))).isEmpty();
		assertThat(matches(search(nurse, "Encounter?" + patient + "&date=ge" + checkIn.minus(Duration.ofHours(1)) + "&date=le"
				+ checkIn.plus(Duration.ofHours(1))))).hasSize(1);
		assertThat(matches(search(nurse, "Encounter?" + patient + "&date=lt" + checkIn.minus(Duration.ofDays(1))))).isEmpty();
		assertThat(matches(search(nurse, "Encounter?subject=Patient/" + charted.patientId()))).hasSize(1);

		Bundle withPatient = search(nurse, "Encounter?" + patient + "&_include=Encounter:patient");
		assertThat(included(withPatient)).singleElement().isInstanceOfSatisfying(Patient.class,
				p -> assertThat(p.getIdElement().getIdPart()).isEqualTo(charted.patientId()));
		assertThat(included(search(nurse, "Encounter?" + patient))).as("only when asked").isEmpty();
	}

	@Test
	void theInfusionIsAMedicationAdministrationWithLotRouteDoseAndRate() {
		String nurse = api.token("nurse");
		Bundle bundle = search(nurse, "MedicationAdministration?patient=" + charted.patientId()
				+ "&_include=MedicationAdministration:patient&_include=MedicationAdministration:context");
		assertThat(matches(bundle)).hasSize(1);
		MedicationAdministration given = (MedicationAdministration) matches(bundle).get(0);
		assertThat(given.getStatus()).isEqualTo(MedicationAdministration.MedicationAdministrationStatus.COMPLETED);
		assertThat(given.getSubject().getReference()).isEqualTo("Patient/" + charted.patientId());
		assertThat(given.getContext().getReference()).isEqualTo("Encounter/" + charted.sessionId());
		Medication medication = (Medication) given.getContained().get(0);
		assertThat(given.getMedicationReference().getReference()).isEqualTo("#" + medication.getIdElement().getIdPart());
		assertThat(medication.getBatch().getLotNumber()).isEqualTo(charted.lot());
		assertThat(medication.getCode().getCodingFirstRep().getSystem()).isEqualTo("http://www.nlm.nih.gov/research/umls/rxnorm");
		assertThat(medication.getCode().getCodingFirstRep().getCode()).isEqualTo("6130");
		assertThat(medication.getCode().getText()).containsIgnoringCase("ketamine");
		assertThat(given.getEffectivePeriod().getStart().toInstant()).isEqualTo(charted.infusionStart());
		assertThat(given.getEffectivePeriod().getEnd().toInstant())
			.isEqualTo(charted.infusionStart().plus(Duration.ofMinutes(charted.infusionMinutes())));
		var dosage = given.getDosage();
		assertThat(dosage.getRoute().getCodingFirstRep().getSystem()).isEqualTo("http://snomed.info/sct");
		assertThat(dosage.getRoute().getCodingFirstRep().getCode()).isEqualTo("47625008");
		assertThat(dosage.getDose().getValue()).isEqualByComparingTo(charted.doseMg());
		assertThat(dosage.getDose().getCode()).isEqualTo("mg");
		assertThat(dosage.getDose().getSystem()).isEqualTo("http://unitsofmeasure.org");
		assertThat(dosage.getRateQuantity().getValue()).isEqualByComparingTo(charted.infusionRateMlPerHour());
		assertThat(dosage.getRateQuantity().getCode()).isEqualTo("mL/h");
		assertThat(given.getPerformer()).extracting(p -> p.getFunction().getCodingFirstRep().getCode())
			.containsExactly("performer", "verifier");
		assertThat(given.getPerformer()).allSatisfy(p -> assertThat(p.getActor().getDisplay()).isNotBlank());

		assertThat(included(bundle)).extracting(r -> r.fhirType() + "/" + r.getIdElement().getIdPart())
			.containsExactlyInAnyOrder("Patient/" + charted.patientId(), "Encounter/" + charted.sessionId());
		MedicationAdministration read = fhir.get(nurse, "MedicationAdministration/" + given.getIdElement().getIdPart())
			.resource(MedicationAdministration.class);
		assertThat(read.getDosage().getDose().getValue()).isEqualByComparingTo(charted.doseMg());
		assertThat(matches(search(nurse, "MedicationAdministration?context=Encounter/" + charted.sessionId()))).hasSize(1);
		assertThat(matches(search(nurse, "MedicationAdministration?patient=" + charted.patientId() + "&date=gt"
				+ charted.infusionStart().plus(Duration.ofMinutes(1))))).isEmpty();
	}

	@Test
	void theSideEffectIsAnAdverseEventOfTheSessionWithTheDoseAsSuspect() {
		String nurse = api.token("nurse");
		Bundle bundle = search(nurse, "AdverseEvent?subject=Patient/" + charted.patientId() + "&_include=AdverseEvent:subject");
		assertThat(matches(bundle)).hasSize(1);
		assertThat(included(bundle)).singleElement().isInstanceOf(Patient.class);
		AdverseEvent event = (AdverseEvent) matches(bundle).get(0);
		assertThat(event.getActuality()).isEqualTo(AdverseEvent.AdverseEventActuality.ACTUAL);
		assertThat(event.getEvent().getCoding()).extracting(c -> c.getSystem() + "|" + c.getCode())
			.contains("http://snomed.info/sct|422587007");
		assertThat(event.getEvent().getText()).isEqualTo("Nausea or vomiting");
		assertThat(event.getEncounter().getReference()).isEqualTo("Encounter/" + charted.sessionId());
		assertThat(event.getDate().toInstant()).isEqualTo(charted.sideEffectOnset());
		assertThat(event.getSeverity().getCodingFirstRep().getSystem())
			.isEqualTo("http://terminology.hl7.org/CodeSystem/adverse-event-severity");
		assertThat(event.getSeverity().getCodingFirstRep().getCode()).isEqualTo("mild");
		assertThat(event.getSeriousness().getCodingFirstRep().getCode()).isEqualTo("Non-serious");
		assertThat(event.getOutcome().getCodingFirstRep().getCode()).isEqualTo("resolved");
		String dose = matches(search(nurse, "MedicationAdministration?patient=" + charted.patientId())).get(0).getIdElement().getIdPart();
		assertThat(event.getSuspectEntityFirstRep().getInstance().getReference()).isEqualTo("MedicationAdministration/" + dose);

		assertThat(matches(search(nurse, "AdverseEvent?patient=" + charted.patientId()))).hasSize(1);
		assertThat(matches(search(nurse, "AdverseEvent?patient=" + charted.patientId() + "&date=le"
				+ charted.sideEffectOnset().minus(Duration.ofMinutes(1))))).isEmpty();
		assertThat(fhir.get(nurse, "AdverseEvent/" + event.getIdElement().getIdPart()).status()).isEqualTo(200);
	}

	@Test
	void theCourseIsAnActiveCarePlanWithItsSessionsAsActivities() {
		String physician = api.token("physician");
		Bundle bundle = search(physician, "CarePlan?patient=" + charted.patientId() + "&status=active&_include=CarePlan:patient");
		assertThat(matches(bundle)).hasSize(1);
		assertThat(included(bundle)).singleElement().isInstanceOf(Patient.class);
		CarePlan plan = (CarePlan) matches(bundle).get(0);
		assertThat(plan.getIdElement().getIdPart()).isEqualTo(charted.courseId());
		assertThat(plan.getMeta().getProfile().get(0).getValue())
			.isEqualTo("http://hl7.org/fhir/us/core/StructureDefinition/us-core-careplan");
		assertThat(plan.getStatus()).isEqualTo(CarePlan.CarePlanStatus.ACTIVE);
		assertThat(plan.getIntent()).isEqualTo(CarePlan.CarePlanIntent.PLAN);
		assertThat(plan.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("assess-plan");
		assertThat(plan.getText().getStatus().toCode()).isEqualTo("generated");
		assertThat(plan.getText().getDivAsString()).contains("Intravenous racemic ketamine");
		assertThat(plan.getDescription()).contains("IV_KETAMINE_6_INFUSIONS", "induction phase");
		int planned = api.get(physician, "/api/v1/courses/" + charted.courseId()).json().get("plannedSessions").size();
		assertThat(planned).isGreaterThan(1);
		assertThat(plan.getActivity()).hasSize(planned);
		assertThat(plan.getActivityFirstRep().getDetail().getStatus()).isEqualTo(CarePlan.CarePlanActivityStatus.COMPLETED);
		assertThat(plan.getActivityFirstRep().getOutcomeReferenceFirstRep().getReference()).isEqualTo("Encounter/" + charted.sessionId());
		assertThat(plan.getActivity().get(1).getDetail().getStatus()).isEqualTo(CarePlan.CarePlanActivityStatus.NOTSTARTED);

		assertThat(matches(search(physician, "CarePlan?patient=" + charted.patientId() + "&status=completed,revoked"))).isEmpty();
		assertThat(matches(search(physician, "CarePlan?patient=" + charted.patientId() + "&date=ge"
				+ Instant.now().plus(Duration.ofDays(400))))).as("an open course still runs").hasSize(1);
		assertThat(matches(search(physician, "CarePlan?patient=" + charted.patientId() + "&date=le"
				+ Instant.now().minus(Duration.ofDays(3))))).as("not started yet then").isEmpty();
		assertThat(fhir.get(physician, "CarePlan/" + charted.courseId()).resource(CarePlan.class).getActivity()).hasSize(planned);
	}

	@Test
	void appointmentsAreReadByTheFrontDeskWithStatusDatesAndPaging() {
		String frontDesk = api.token("frontdesk");
		String patient = "patient=" + charted.patientId();
		Bundle all = search(frontDesk, "Appointment?" + patient);
		assertThat(matches(all)).hasSize(2);

		Appointment booked = (Appointment) matches(search(frontDesk, "Appointment?" + patient + "&status=booked")).get(0);
		assertThat(booked.getIdElement().getIdPart()).isEqualTo(charted.appointmentId());
		assertThat(booked.getStart().toInstant()).isEqualTo(charted.appointmentStart());
		assertThat(booked.getEnd().toInstant()).isEqualTo(charted.appointmentStart().plus(Duration.ofMinutes(20)));
		assertThat(booked.getServiceTypeFirstRep().getCodingFirstRep().getCode()).isEqualTo("FOLLOW_UP");
		assertThat(booked.getAppointmentType().getCodingFirstRep().getCode()).isEqualTo("FOLLOWUP");
		assertThat(booked.getParticipantFirstRep().getActor().getReference()).isEqualTo("Patient/" + charted.patientId());
		assertThat(booked.getParticipantFirstRep().getStatus()).isEqualTo(Appointment.ParticipationStatus.ACCEPTED);
		assertThat(booked.getParticipant()).extracting(p -> p.getActor().getDisplay()).anyMatch(d -> d != null && d.startsWith("Room "));

		Appointment cancelled = (Appointment) matches(search(frontDesk, "Appointment?actor=Patient/" + charted.patientId()
				+ "&status=cancelled")).get(0);
		assertThat(cancelled.getIdElement().getIdPart()).isEqualTo(charted.cancelledAppointmentId());
		assertThat(cancelled.getCancelationReason().getText()).isEqualTo("Patient asked to move it");

		Instant start = charted.appointmentStart();
		assertThat(matches(search(frontDesk, "Appointment?" + patient + "&date=ge" + start.minus(Duration.ofMinutes(1)) + "&date=le"
				+ start.plus(Duration.ofMinutes(1))))).extracting(r -> r.getIdElement().getIdPart()).containsExactly(charted.appointmentId());

		Bundle page = search(frontDesk, "Appointment?" + patient + "&_count=1&_include=Appointment:patient");
		assertThat(matches(page)).hasSize(1);
		assertThat(included(page)).singleElement().isInstanceOf(Patient.class);
		assertThat(page.getTotal()).isEqualTo(2);
		Bundle next = search(frontDesk, page.getLink("next").getUrl());
		assertThat(matches(next)).hasSize(1);
		assertThat(matches(next).get(0).getIdElement().getIdPart()).isNotEqualTo(matches(page).get(0).getIdElement().getIdPart());

		assertThat(fhir.get(frontDesk, "Appointment/" + charted.appointmentId()).status()).isEqualTo(200);
		for (String clinical : List.of("Encounter/" + charted.sessionId(), "Encounter?" + patient, "MedicationAdministration?" + patient,
				"AdverseEvent?" + patient, "CarePlan?" + patient)) {
			assertThat(fhir.get(frontDesk, clinical).status()).as(clinical).isEqualTo(403);
		}
	}

	@Test
	void aPatientTokenSeesNoOneElsesSessionsAndUnknownIdsAreNotFound() {
		String patient1 = api.token("patient1");
		String own = search(patient1, "Patient").getEntryFirstRep().getResource().getIdElement().getIdPart();
		for (String type : List.of("Encounter", "MedicationAdministration", "AdverseEvent", "CarePlan", "Appointment")) {
			Bundle asked = search(patient1, type + "?patient=" + charted.patientId());
			assertThat(matches(asked)).as(type).isEmpty();
			Bundle everything = search(patient1, type);
			assertThat(matches(everything)).as(type).extracting(FhirSessionResourcesTest::patientOf).allMatch(("Patient/" + own)::equals);
			assertThat(fhir.get(api.token("nurse"), type + "/00000000-0000-0000-0000-000000000000").status()).as(type).isEqualTo(404);
			assertThat(fhir.get(api.token("nurse"), type + "/not-a-uuid").status()).as(type).isEqualTo(404);
		}
		String ownAppointment = FhirSessionFixtures.book(api, api.token("frontdesk"), own).get("id").asString();
		assertThat(matches(search(patient1, "Appointment"))).extracting(r -> r.getIdElement().getIdPart()).contains(ownAppointment);
		assertThat(fhir.get(patient1, "Appointment/" + ownAppointment).status()).isEqualTo(200);
		assertThat(fhir.get(patient1, "Encounter/" + charted.sessionId()).status()).isEqualTo(404);
		assertThat(fhir.get(patient1, "CarePlan/" + charted.courseId()).status()).isEqualTo(404);
		assertThat(fhir.get(patient1, "Appointment/" + charted.appointmentId()).status()).isEqualTo(404);
		assertThat(fhir.get(api.token("admin"), "Encounter?patient=" + charted.patientId()).status()).isEqualTo(403);
	}

	@Test
	void esketamineDevicesAreNasalSprayAdministrationsOfAnEncounterInProgress() {
		FhirSessionFixtures.EsketamineSession session = FhirSessionFixtures.esketamineSessionInChair(api, "FhirEsk");
		String nurse = api.token("nurse");
		Encounter encounter = fhir.get(nurse, "Encounter/" + session.sessionId()).resource(Encounter.class);
		assertThat(encounter.getStatus()).isEqualTo(Encounter.EncounterStatus.INPROGRESS);
		assertThat(encounter.getTypeFirstRep().getCodingFirstRep().getCode()).isEqualTo("IN_ESKETAMINE");
		assertThat(encounter.getPeriod().hasEnd()).as("still in the chair").isFalse();
		assertThat(matches(search(nurse, "Encounter?patient=" + session.patientId() + "&status=in-progress"))).hasSize(1);

		List<Resource> devices = matches(search(nurse, "MedicationAdministration?patient=" + session.patientId()));
		assertThat(devices).hasSize(2);
		for (Resource resource : devices) {
			MedicationAdministration device = (MedicationAdministration) resource;
			Medication medication = (Medication) device.getContained().get(0);
			assertThat(medication.getCode().getCodingFirstRep().getCode()).isEqualTo("2201623");
			assertThat(medication.getBatch().getLotNumber()).isEqualTo(session.lot());
			assertThat(device.getDosage().getRoute().getCodingFirstRep().getCode()).isEqualTo("46713006");
			assertThat(device.getDosage().getDose().getValue()).isEqualByComparingTo("28");
			assertThat(device.getDosage().hasRate()).as("a device is not an infusion").isFalse();
			assertThat(device.hasEffectiveDateTimeType()).isTrue();
		}
		assertThat(devices).extracting(r -> ((MedicationAdministration) r).getEffectiveDateTimeType().getValue().toInstant())
			.containsExactly(session.firstDevice().plus(Duration.ofMinutes(5)), session.firstDevice());
		assertThat(devices).extracting(r -> ((MedicationAdministration) r).getDosage().getText())
			.containsExactly("28 mg, device 2", "28 mg, device 1");
	}

	/**
	 * Each resource type validates without errors against base R4 and, where the resource claims one,
	 * its US Core 6.1.0 profile (packages from ../shared/fhir-packages; terminology checked offline
	 * where the packages hold the code system, unknown systems such as RxNorm only warn).
	 */
	@Test
	void theResourcesValidateAgainstR4AndUsCore() throws Exception {
		FhirContext context = FhirClient.FHIR;
		NpmPackageValidationSupport packages = new NpmPackageValidationSupport(context);
		Path folder = Path.of("..", "shared", "fhir-packages");
		for (String file : List.of("hl7.fhir.us.core-6.1.0.tgz", "hl7.fhir.uv.extensions.r4-5.1.0.tgz", "hl7.terminology.r4-7.0.1.tgz")) {
			try (var in = Files.newInputStream(folder.resolve(file))) {
				NpmPackage npm = NpmPackage.fromPackage(in);
				for (String name : npm.listResources("StructureDefinition", "ValueSet", "CodeSystem")) {
					try (var resource = npm.loadResource(name)) {
						packages.addResource(context.newJsonParser().parseResource(resource));
					}
				}
			}
		}
		UnknownCodeSystemWarningValidationSupport unknownSystems = new UnknownCodeSystemWarningValidationSupport(context);
		unknownSystems.setNonExistentCodeSystemSeverity(IValidationSupport.IssueSeverity.WARNING);
		ValidationSupportChain chain = new ValidationSupportChain(new DefaultProfileValidationSupport(context), packages,
				new CommonCodeSystemsTerminologyService(context), new InMemoryTerminologyServerValidationSupport(context),
				new SnapshotGeneratingValidationSupport(context), unknownSystems);
		FhirValidator validator = context.newValidator().registerValidatorModule(new FhirInstanceValidator(chain));

		String nurse = api.token("nurse");
		String patient = "?patient=" + charted.patientId();
		List<String> errors = new java.util.ArrayList<>();
		for (String type : List.of("Encounter", "MedicationAdministration", "AdverseEvent", "CarePlan", "Appointment")) {
			List<Resource> found = matches(search(nurse, type + patient));
			assertThat(found).as(type).isNotEmpty();
			for (Resource resource : found) {
				ValidationResult result = validator.validateWithResult(resource);
				result.getMessages().stream().filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
					.forEach(m -> errors.add(type + " " + m.getLocationString() + ": " + m.getMessage()));
			}
		}
		assertThat(errors).isEmpty();
	}
}
