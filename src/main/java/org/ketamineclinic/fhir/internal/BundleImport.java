package org.ketamineclinic.fhir.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Type;
import org.jspecify.annotations.Nullable;
import org.ketamineclinic.assessment.ExternalAssessments;
import org.ketamineclinic.assessment.Instrument;
import org.ketamineclinic.audit.AuditAction;
import org.ketamineclinic.audit.AuditTrail;
import org.ketamineclinic.identity.ClinicUser;
import org.ketamineclinic.patient.CodeSystem;
import org.ketamineclinic.patient.MedicationClass;
import org.ketamineclinic.patient.PatientRegistry;
import org.ketamineclinic.patient.SexAtBirth;
import org.ketamineclinic.patient.TrialOutcome;
import org.ketamineclinic.platform.ClinicTimeZone;
import org.ketamineclinic.platform.InvalidInput;
import org.ketamineclinic.platform.NotFound;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * One transaction bundle into the clinic's records, entry by entry through the owning modules'
 * APIs (patient registry, external assessments), so their checks and audit apply. Patients go
 * first so that the other entries' references (urn:uuid fullUrls) resolve; the response lists
 * every entry in the request's order. Any entry that cannot be stored throws, naming the entry by
 * index and fullUrl (never its content), and the caller's transaction rolls everything back.
 * Resource types the clinic does not keep are skipped and say so.
 */
@Component
class BundleImport {

	static final String LOINC = "http://loinc.org";
	static final String ICD10CM = CodeSystem.ICD10.uri();
	static final String SNOMED = CodeSystem.SNOMED.uri();
	private static final String BIRTH_SEX = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-birthsex";

	/** PHQ-9 and GAD-7 totals, with their item codes in item order (the scales' own LOINC codes). */
	record ScaleCodes(Instrument instrument, List<String> items) {
	}

	static final Map<String, ScaleCodes> TOTALS = Map.of(
			"44261-6", new ScaleCodes(Instrument.PHQ9, List.of("44250-9", "44255-8", "44259-0", "44254-1", "44251-7",
					"44258-2", "44252-5", "44253-3", "44260-8")),
			"70274-6", new ScaleCodes(Instrument.GAD7, List.of("69725-0", "68509-9", "69733-4", "69734-2", "69735-9",
					"69689-8", "69736-7")));

	/** LOINC answer codes of the PHQ-9/GAD-7 frequency options. */
	private static final Map<String, Integer> FREQUENCY_ANSWERS = Map.of("LA6568-5", 0, "LA6569-3", 1, "LA6570-1", 2,
			"LA6571-9", 3);

	static final String WEIGHT = "29463-7", HEIGHT = "8302-2", BLOOD_PRESSURE = "85354-9", SYSTOLIC = "8480-6",
			DIASTOLIC = "8462-4", HEART_RATE = "8867-4", RESPIRATORY_RATE = "9279-1", SPO2 = "2708-6",
			SPO2_PULSE_OXIMETRY = "59408-5";

	private final PatientRegistry registry;
	private final ExternalAssessments assessments;
	private final ImportLinks links;
	private final AuditTrail audit;
	private final ClinicTimeZone zone;

	BundleImport(PatientRegistry registry, ExternalAssessments assessments, ImportLinks links, AuditTrail audit,
			ClinicTimeZone zone) {
		this.registry = registry;
		this.assessments = assessments;
		this.links = links;
		this.audit = audit;
		this.zone = zone;
	}

	/** What became of one entry: stored now, stored by an earlier import, or not kept here. */
	private record Outcome(String status, @Nullable String location, @Nullable String note) {

		static Outcome created(String location) {
			return new Outcome("201 Created", location, null);
		}

		static Outcome existing(String location) {
			return new Outcome("200 OK", location, null);
		}

		static Outcome skipped(String why) {
			return new Outcome("200 OK", null, why);
		}
	}

	/** The state of one import: entries by fullUrl, and the local patient each Patient entry became. */
	private final class Run {

		final ClinicUser user;
		final List<BundleEntryComponent> entries;
		final Map<String, Integer> byFullUrl = new HashMap<>();
		final Map<Integer, UUID> patients = new HashMap<>();
		@Nullable UUID firstPatient;
		int stored;

		Run(ClinicUser user, Bundle bundle) {
			this.user = user;
			this.entries = bundle.getEntry();
		}
	}

	Bundle importBundle(ClinicUser user, Bundle bundle) {
		Run run = new Run(user, bundle);
		Outcome[] outcomes = new Outcome[run.entries.size()];
		for (int i = 0; i < run.entries.size(); i++) {
			BundleEntryComponent entry = run.entries.get(i);
			if (entry.getResource() == null) {
				throw invalid(i, entry, "has no resource");
			}
			Bundle.HTTPVerb method = entry.getRequest().getMethod();
			if (method != null && method != Bundle.HTTPVerb.POST && method != Bundle.HTTPVerb.PUT) {
				throw invalid(i, entry, "asks for " + method.toCode() + ": an import only creates records");
			}
			if (entry.hasFullUrl() && run.byFullUrl.put(entry.getFullUrl(), i) != null) {
				throw invalid(i, entry, "repeats the fullUrl of an earlier entry");
			}
		}
		for (int i = 0; i < run.entries.size(); i++) {
			if (run.entries.get(i).getResource() instanceof Patient patient) {
				int index = i;
				outcomes[i] = guarded(run, i, () -> patient(run, index, patient));
			}
		}
		for (int i = 0; i < run.entries.size(); i++) {
			if (outcomes[i] == null) {
				int index = i;
				outcomes[i] = guarded(run, i, () -> other(run, index, run.entries.get(index).getResource()));
			}
		}
		if (run.firstPatient != null) {
			audit.changed(run.firstPatient, "FHIR import", "Bundle of " + run.entries.size() + " entries, " + run.stored
					+ " stored", AuditAction.CREATE);
		}
		Bundle response = new Bundle();
		response.setType(Bundle.BundleType.TRANSACTIONRESPONSE);
		for (Outcome outcome : outcomes) {
			Bundle.BundleEntryResponseComponent answer = response.addEntry().getResponse().setStatus(outcome.status());
			if (outcome.location() != null) {
				answer.setLocation(outcome.location());
			}
			if (outcome.note() != null) {
				OperationOutcome note = new OperationOutcome();
				note.addIssue().setSeverity(OperationOutcome.IssueSeverity.INFORMATION)
					.setCode(OperationOutcome.IssueType.NOTSUPPORTED).setDiagnostics(outcome.note());
				answer.setOutcome(note);
			}
		}
		return response;
	}

	private interface Step {
		Outcome run();
	}

	/** The modules' refusals, named by entry: invalid values 422, references and access as they are. */
	private Outcome guarded(Run run, int index, Step step) {
		BundleEntryComponent entry = run.entries.get(index);
		try {
			return step.run();
		}
		catch (InvalidInput invalid) {
			throw unprocessable(index, entry, String.join("; ",
					invalid.problems().stream().map(p -> p.field() + " " + p.message()).toList()));
		}
		catch (NotFound notFound) {
			throw invalid(index, entry, "refers to a patient that is not known here");
		}
		catch (AccessDeniedException denied) {
			throw new ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException(
					name(index, entry) + ": the " + run.user.role().label() + " role may not record this");
		}
	}

	private Outcome patient(Run run, int index, Patient patient) {
		BundleEntryComponent entry = run.entries.get(index);
		String key = patientKey(index, entry, patient);
		Optional<ImportLinks.Link> earlier = links.find(run.user.clinicId(), "Patient", key);
		if (earlier.isPresent()) {
			// Known from an earlier import: its later entries attach to the same record.
			UUID id = earlier.get().localId();
			if (registry.find(id).filter(p -> !p.voided()).isEmpty()) {
				throw unprocessable(index, entry, "was imported before as " + earlier.get().location()
						+ ", which has since been voided: nothing of this bundle is stored");
			}
			run.patients.put(index, id);
			first(run, id);
			return Outcome.existing(earlier.get().location());
		}
		HumanName name = patient.getName().stream().filter(n -> n.getUse() == HumanName.NameUse.OFFICIAL).findFirst()
			.orElse(patient.getNameFirstRep());
		String given = String.join(" ", name.getGiven().stream().map(g -> g.getValue()).filter(g -> g != null).toList());
		LocalDate birthDate = patient.hasBirthDate() ? LocalDate.parse(patient.getBirthDateElement().getValueAsString()) : null;
		if (birthDate == null) {
			throw unprocessable(index, entry, "birthDate is required");
		}
		UUID id = registry.register(new PatientRegistry.NewPatient(blankToNull(given), blankToNull(name.getFamily()), birthDate,
				sexAtBirth(patient), telecom(patient, ContactPoint.ContactPointSystem.PHONE),
				telecom(patient, ContactPoint.ContactPointSystem.EMAIL),
				patient.hasAddress() ? blankToNull(patient.getAddressFirstRep().getCity()) : null, language(patient), null,
				null, null, null));
		String location = "Patient/" + id;
		links.add(run.user.clinicId(), "Patient", key, id, location, run.user.username());
		run.patients.put(index, id);
		first(run, id);
		run.stored++;
		return Outcome.created(location);
	}

	private static void first(Run run, UUID patientId) {
		if (run.firstPatient == null) {
			run.firstPatient = patientId;
		}
	}

	/** First identifier system|value (the sending system's own id), else the entry's fullUrl. */
	private static String patientKey(int index, BundleEntryComponent entry, Patient patient) {
		Identifier identifier = patient.getIdentifier().stream().filter(i -> i.hasValue()).findFirst().orElse(null);
		if (identifier != null) {
			return checkedKey(index, entry, (identifier.hasSystem() ? identifier.getSystem() : "") + "|" + identifier.getValue());
		}
		return resourceKey(index, entry);
	}

	/** The entry's fullUrl, else Type/id: how the sending system names the resource. */
	private static String resourceKey(int index, BundleEntryComponent entry) {
		if (entry.hasFullUrl()) {
			return checkedKey(index, entry, entry.getFullUrl());
		}
		Resource resource = entry.getResource();
		if (resource.hasIdElement() && resource.getIdElement().hasIdPart()) {
			return checkedKey(index, entry, resource.fhirType() + "/" + resource.getIdElement().getIdPart());
		}
		throw invalid(index, entry, "needs a fullUrl or an id, so that importing it again does not store it twice");
	}

	private static String checkedKey(int index, BundleEntryComponent entry, String key) {
		if (key.length() > 500) {
			throw invalid(index, entry, "has an identifier or fullUrl longer than 500 characters");
		}
		return key;
	}

	private Outcome other(Run run, int index, Resource resource) {
		if (resource instanceof Condition condition) {
			return stored(run, index, "Condition", () -> condition(run, index, condition));
		}
		if (resource instanceof Observation observation) {
			return observation(run, index, observation);
		}
		if (resource instanceof MedicationRequest request) {
			return stored(run, index, "MedicationRequest", () -> medication(run, index, request.getSubject(),
					request.getMedication(), request.getStatus() == null ? null : request.getStatus().toCode(),
					request.hasAuthoredOn() ? date(request.getAuthoredOnElement()) : null,
					request.getDispenseRequest().getValidityPeriod().hasEnd()
							? date(request.getDispenseRequest().getValidityPeriod().getEndElement()) : null,
					request.getDosageInstructionFirstRep()));
		}
		if (resource instanceof MedicationStatement statement) {
			return stored(run, index, "MedicationStatement", () -> medication(run, index, statement.getSubject(),
					statement.getMedication(), statement.getStatus() == null ? null : statement.getStatus().toCode(),
					statementStart(statement), statement.hasEffectivePeriod() && statement.getEffectivePeriod().hasEnd()
							? date(statement.getEffectivePeriod().getEndElement()) : null,
					statement.getDosageFirstRep()));
		}
		if (resource instanceof Medication) {
			return Outcome.skipped("Medication is not imported by itself: it names the drug of the prescriptions that refer to it");
		}
		return Outcome.skipped(resource.fhirType() + " is not imported: the clinic does not keep this resource type");
	}

	private interface Store {
		/** The stored record's location, or null (with a note) when the entry was not stored after all. */
		Outcome store();
	}

	/** Stores an entry once: an earlier import's link answers with its location instead. */
	private Outcome stored(Run run, int index, String type, Store store) {
		BundleEntryComponent entry = run.entries.get(index);
		String key = resourceKey(index, entry);
		Optional<ImportLinks.Link> earlier = links.find(run.user.clinicId(), type, key);
		if (earlier.isPresent()) {
			return Outcome.existing(earlier.get().location());
		}
		Outcome outcome = store.store();
		if (outcome.location() != null) {
			// A location is Type/<uuid>, for measurements with the Observation's suffix after the uuid.
			int slash = outcome.location().indexOf('/');
			links.add(run.user.clinicId(), type, key, UUID.fromString(outcome.location().substring(slash + 1, slash + 37)),
					outcome.location(), run.user.username());
			run.stored++;
		}
		return outcome;
	}

	private Outcome condition(Run run, int index, Condition condition) {
		BundleEntryComponent entry = run.entries.get(index);
		if (isEnteredInError(condition.getVerificationStatus())) {
			return Outcome.skipped("Condition is not imported: entered in error");
		}
		UUID patientId = subject(run, index, condition.getSubject());
		Coding coding = condition.getCode().getCoding().stream()
			.filter(c -> ICD10CM.equals(c.getSystem()) || SNOMED.equals(c.getSystem())).filter(Coding::hasCode).findFirst()
			.orElse(null);
		if (coding == null) {
			throw unprocessable(index, entry, "code needs an ICD-10-CM (" + ICD10CM + ") or SNOMED CT (" + SNOMED + ") coding");
		}
		CodeSystem system = ICD10CM.equals(coding.getSystem()) ? CodeSystem.ICD10 : CodeSystem.SNOMED;
		if (coding.getCode().length() > 20) {
			throw unprocessable(index, entry, "code is longer than 20 characters");
		}
		String display = coding.hasDisplay() ? coding.getDisplay() : condition.getCode().getText();
		LocalDate onset = condition.hasOnsetDateTimeType() ? date(condition.getOnsetDateTimeType())
				: condition.hasOnsetPeriod() && condition.getOnsetPeriod().hasStart()
						? date(condition.getOnsetPeriod().getStartElement()) : null;
		UUID id = registry.recordCondition(patientId, coding.getCode(), system, blankToNull(display), onset);
		first(run, patientId);
		return Outcome.created("Condition/" + id);
	}

	private static boolean isEnteredInError(CodeableConcept status) {
		return status.getCoding().stream().anyMatch(c -> "entered-in-error".equals(c.getCode()));
	}

	private Outcome observation(Run run, int index, Observation observation) {
		BundleEntryComponent entry = run.entries.get(index);
		if (observation.getStatus() == Observation.ObservationStatus.ENTEREDINERROR
				|| observation.getStatus() == Observation.ObservationStatus.CANCELLED) {
			return Outcome.skipped("Observation is not imported: " + observation.getStatus().toCode());
		}
		String code = loinc(observation.getCode());
		if (code == null) {
			return Outcome.skipped("Observation is not imported: no LOINC code the clinic keeps");
		}
		ScaleCodes scale = TOTALS.get(code);
		if (scale != null) {
			return stored(run, index, "Observation", () -> assessment(run, index, observation, scale));
		}
		return switch (code) {
			case WEIGHT, HEIGHT, BLOOD_PRESSURE, HEART_RATE, RESPIRATORY_RATE, SPO2, SPO2_PULSE_OXIMETRY ->
				stored(run, index, "Observation", () -> vitalSign(run, index, observation, code));
			default -> {
				boolean item = TOTALS.values().stream().anyMatch(s -> s.items().contains(code));
				yield Outcome.skipped("Observation " + code + " is not imported"
						+ (item ? ": scale items are imported as components of their total" : ": not a measure the clinic keeps"));
			}
		};
	}

	private Outcome assessment(Run run, int index, Observation observation, ScaleCodes scale) {
		BundleEntryComponent entry = run.entries.get(index);
		UUID patientId = subject(run, index, observation.getSubject());
		Instant completedAt = effective(index, entry, observation);
		Integer total = observation.hasValue() ? wholeNumber(index, entry, observation.getValue(), "value") : null;
		List<Integer> answers = new ArrayList<>();
		if (observation.hasComponent()) {
			Integer[] byItem = new Integer[scale.items().size()];
			for (Observation.ObservationComponentComponent component : observation.getComponent()) {
				String item = loinc(component.getCode());
				int position = item == null ? -1 : scale.items().indexOf(item);
				if (position < 0) {
					throw unprocessable(index, entry, "component " + item + " is not an item of the " + scale.instrument());
				}
				if (byItem[position] != null) {
					throw unprocessable(index, entry, "component " + item + " is given twice");
				}
				byItem[position] = answer(index, entry, component.getValue());
			}
			for (int i = 0; i < byItem.length; i++) {
				if (byItem[i] == null) {
					throw unprocessable(index, entry, "item " + scale.items().get(i) + " is missing: give every item or none");
				}
				answers.add(byItem[i]);
			}
		}
		UUID id = assessments.recordExternal(patientId,
				new ExternalAssessments.ExternalAssessment(scale.instrument(), answers, total, completedAt));
		first(run, patientId);
		return Outcome.created("Observation/" + id);
	}

	/** An item's answer: a whole number, or a LOINC answer code of the frequency options. */
	private static Integer answer(int index, BundleEntryComponent entry, Type value) {
		if (value instanceof CodeableConcept concept) {
			return concept.getCoding().stream().map(c -> FREQUENCY_ANSWERS.get(c.getCode())).filter(v -> v != null).findFirst()
				.orElseThrow(() -> unprocessable(index, entry, "a component's answer code is not a frequency answer"));
		}
		return wholeNumber(index, entry, value, "component value");
	}

	private Outcome vitalSign(Run run, int index, Observation observation, String code) {
		BundleEntryComponent entry = run.entries.get(index);
		UUID patientId = subject(run, index, observation.getSubject());
		Instant at = effective(index, entry, observation);
		BigDecimal weight = null, height = null;
		Integer sbp = null, dbp = null, heartRate = null, respiratoryRate = null, spo2 = null;
		switch (code) {
			case WEIGHT -> weight = quantity(index, entry, observation.getValue(), "kg", "weight");
			case HEIGHT -> height = quantity(index, entry, observation.getValue(), "cm", "height");
			case HEART_RATE -> heartRate = reading(index, entry, observation.getValue(), "heart rate");
			case RESPIRATORY_RATE -> respiratoryRate = reading(index, entry, observation.getValue(), "respiratory rate");
			case SPO2, SPO2_PULSE_OXIMETRY -> spo2 = reading(index, entry, observation.getValue(), "SpO2");
			default -> {
				for (Observation.ObservationComponentComponent component : observation.getComponent()) {
					String part = loinc(component.getCode());
					if (SYSTOLIC.equals(part)) {
						sbp = reading(index, entry, component.getValue(), "systolic pressure");
					}
					else if (DIASTOLIC.equals(part)) {
						dbp = reading(index, entry, component.getValue(), "diastolic pressure");
					}
				}
				if (sbp == null || dbp == null) {
					throw unprocessable(index, entry, "a blood pressure needs a systolic (" + SYSTOLIC + ") and a diastolic ("
							+ DIASTOLIC + ") component");
				}
			}
		}
		UUID id = registry.recordMeasurement(patientId, new PatientRegistry.NewMeasurement(at, weight, height, sbp, dbp,
				heartRate, respiratoryRate, spo2));
		first(run, patientId);
		// The id the Observation is served under (see ObservationProvider): the measurement's own id and what it holds.
		String suffix = weight != null ? "body-weight" : height != null ? "body-height" : sbp != null ? "resting-bp"
				: heartRate != null ? "resting-hr" : respiratoryRate != null ? "resting-rr" : "resting-spo2";
		return Outcome.created("Observation/" + id + "-" + suffix);
	}

	private Outcome medication(Run run, int index, Reference subject, Type medication, @Nullable String status,
			@Nullable LocalDate start, @Nullable LocalDate end, Dosage dosage) {
		BundleEntryComponent entry = run.entries.get(index);
		if ("entered-in-error".equals(status) || "cancelled".equals(status) || "not-taken".equals(status)) {
			return Outcome.skipped(entry.getResource().fhirType() + " is not imported: " + status);
		}
		UUID patientId = subject(run, index, subject);
		CodeableConcept concept = medicationConcept(run, index, medication);
		String name = concept.getCoding().stream().filter(c -> "http://www.nlm.nih.gov/research/umls/rxnorm".equals(c.getSystem()))
			.filter(Coding::hasDisplay).map(Coding::getDisplay).findFirst()
			.orElse(concept.hasText() ? concept.getText()
					: concept.getCoding().stream().filter(Coding::hasDisplay).map(Coding::getDisplay).findFirst().orElse(null));
		if (name == null || name.isBlank()) {
			throw unprocessable(index, entry, "medication needs a name (coding display or text)");
		}
		boolean ongoing = status == null || status.equals("active") || status.equals("on-hold") || status.equals("intended")
				|| status.equals("draft") || status.equals("unknown");
		// A stopped or completed prescription with no end date ended on a day nobody recorded: it is
		// recorded as ending on its start day, so that it never shows as a current medication.
		LocalDate ended = end != null ? end : ongoing ? null : start;
		// The structured dose in short ("1 tablet 2x per 1 d"); a free-text instruction only when it
		// fits the chart's 100 characters (the drug's name already carries its strength).
		String dose = doseText(dosage);
		if (dose == null && dosage.hasText() && dosage.getText().length() <= 100) {
			dose = dosage.getText();
		}
		MedicationClass medicationClass = ImportMedications.classOf(name);
		UUID id = registry.recordMedication(patientId, name, medicationClass, blankToNull(dose), start, ended);
		first(run, patientId);
		Optional<ImportMedications.Antidepressant> antidepressant = ImportMedications.antidepressant(name);
		if (antidepressant.isPresent()) {
			BigDecimal daily = dailyDoseMg(name, dosage);
			if (daily == null || start == null) {
				return new Outcome("201 Created", "MedicationRequest/" + id, "Recorded as a medication only, not as an "
						+ "antidepressant trial: the daily dose in mg or the start date is not stated");
			}
			// What a prescription cannot tell: the outcome (UNKNOWN until a clinician records it, so
			// staging never counts it), adherence (assumed, as prescribed) and the episode (an ongoing
			// prescription belongs to the current one).
			registry.recordAntidepressantTrial(patientId, antidepressant.get().ingredient(), antidepressant.get().trialClass(),
					daily, start, ended, true, TrialOutcome.UNKNOWN, ongoing);
		}
		return Outcome.created("MedicationRequest/" + id);
	}

	/** The drug: the resource's own code, or the Medication entry it references by fullUrl. */
	private static CodeableConcept medicationConcept(Run run, int index, Type medication) {
		if (medication instanceof CodeableConcept concept) {
			return concept;
		}
		if (medication instanceof Reference reference && reference.hasReference()) {
			Integer target = run.byFullUrl.get(reference.getReference());
			if (target != null && run.entries.get(target).getResource() instanceof Medication referenced) {
				return referenced.getCode();
			}
			throw invalid(index, run.entries.get(index), "medicationReference does not name a Medication entry of this bundle");
		}
		throw unprocessable(index, run.entries.get(index), "medication is required");
	}

	/** mg a day: the dose in mg, or tablets times the name's strength, times doses a day. Null when not stated. */
	private static @Nullable BigDecimal dailyDoseMg(String name, Dosage dosage) {
		Quantity quantity = dosage.getDoseAndRateFirstRep().hasDoseQuantity() ? dosage.getDoseAndRateFirstRep().getDoseQuantity()
				: null;
		if (quantity == null || !quantity.hasValue()) {
			return null;
		}
		BigDecimal perDose;
		if ("mg".equalsIgnoreCase(quantity.getUnit()) || "mg".equals(quantity.getCode())) {
			perDose = quantity.getValue();
		}
		else {
			BigDecimal strength = ImportMedications.strengthMg(name).orElse(null);
			if (strength == null) {
				return null;
			}
			perDose = strength.multiply(quantity.getValue());
		}
		BigDecimal perDay = BigDecimal.ONE;
		if (dosage.hasTiming() && dosage.getTiming().hasRepeat()) {
			var repeat = dosage.getTiming().getRepeat();
			if (repeat.hasFrequency() && repeat.hasPeriod() && repeat.hasPeriodUnit()) {
				BigDecimal days = switch (repeat.getPeriodUnit()) {
					case H -> repeat.getPeriod().divide(BigDecimal.valueOf(24), 6, RoundingMode.HALF_UP);
					case D -> repeat.getPeriod();
					case WK -> repeat.getPeriod().multiply(BigDecimal.valueOf(7));
					default -> null;
				};
				if (days == null || days.signum() <= 0) {
					return null;
				}
				perDay = BigDecimal.valueOf(repeat.getFrequency()).divide(days, 6, RoundingMode.HALF_UP);
			}
		}
		return perDose.multiply(perDay).setScale(2, RoundingMode.HALF_UP);
	}

	private static @Nullable String doseText(Dosage dosage) {
		if (!dosage.getDoseAndRateFirstRep().hasDoseQuantity() || !dosage.getDoseAndRateFirstRep().getDoseQuantity().hasValue()) {
			return null;
		}
		Quantity quantity = dosage.getDoseAndRateFirstRep().getDoseQuantity();
		String text = quantity.getValue().stripTrailingZeros().toPlainString() + (quantity.hasUnit() ? " " + quantity.getUnit() : "");
		if (dosage.hasTiming() && dosage.getTiming().getRepeat().hasFrequency() && dosage.getTiming().getRepeat().hasPeriodUnit()) {
			var repeat = dosage.getTiming().getRepeat();
			text += " " + repeat.getFrequency() + "x per " + repeat.getPeriod().stripTrailingZeros().toPlainString() + " "
					+ repeat.getPeriodUnit().toCode();
		}
		return text.length() <= 100 ? text : null;
	}

	private @Nullable LocalDate statementStart(MedicationStatement statement) {
		if (statement.hasEffectiveDateTimeType()) {
			return date(statement.getEffectiveDateTimeType());
		}
		Period period = statement.hasEffectivePeriod() ? statement.getEffectivePeriod() : null;
		return period != null && period.hasStart() ? date(period.getStartElement()) : null;
	}

	/** The patient an entry is about: a Patient entry of this bundle (by fullUrl), or Patient/id of this clinic. */
	private UUID subject(Run run, int index, Reference subject) {
		BundleEntryComponent entry = run.entries.get(index);
		if (!subject.hasReference()) {
			throw invalid(index, entry, "has no subject reference");
		}
		String reference = subject.getReference();
		Integer target = run.byFullUrl.get(reference);
		if (target != null) {
			UUID patient = run.patients.get(target);
			if (patient == null) {
				throw invalid(index, entry, "subject refers to entry " + target + ", which is not a Patient");
			}
			return patient;
		}
		if (reference.startsWith("Patient/")) {
			UUID id = FhirIds.uuid(reference.substring("Patient/".length())).orElse(null);
			if (id != null && registry.find(id).filter(p -> !p.voided()).isPresent()) {
				return id;
			}
		}
		throw invalid(index, entry, "subject " + reference + " is neither an entry of this bundle nor a patient known here");
	}

	private static Instant effective(int index, BundleEntryComponent entry, Observation observation) {
		if (observation.hasEffectiveDateTimeType() && observation.getEffectiveDateTimeType().getValue() != null) {
			return observation.getEffectiveDateTimeType().getValue().toInstant();
		}
		if (observation.hasEffectivePeriod() && observation.getEffectivePeriod().hasStart()) {
			return observation.getEffectivePeriod().getStart().toInstant();
		}
		if (observation.hasEffectiveInstantType()) {
			return observation.getEffectiveInstantType().getValue().toInstant();
		}
		if (observation.hasIssued()) {
			return observation.getIssued().toInstant();
		}
		throw unprocessable(index, entry, "needs an effective time");
	}

	private static @Nullable String loinc(CodeableConcept concept) {
		return concept.getCoding().stream().filter(c -> LOINC.equals(c.getSystem())).map(Coding::getCode).findFirst().orElse(null);
	}

	/** A count or score: whole numbers only (72, 72.0); 72.5 is refused, never rounded. */
	private static Integer wholeNumber(int index, BundleEntryComponent entry, @Nullable Type value, String what) {
		BigDecimal number = value instanceof Quantity quantity && quantity.hasValue() ? quantity.getValue()
				: value instanceof IntegerType integer && integer.getValue() != null ? BigDecimal.valueOf(integer.getValue()) : null;
		if (number == null) {
			throw unprocessable(index, entry, what + " needs a numeric value");
		}
		try {
			return number.stripTrailingZeros().intValueExact();
		}
		catch (ArithmeticException notWhole) {
			throw unprocessable(index, entry, what + " must be a whole number");
		}
	}

	/**
	 * A vital sign kept in whole units (mmHg, beats or breaths a minute, %), as the session charts
	 * keep them: a decimal reading (Synthea sends respiratory rates such as 13.7) is rounded to the
	 * nearest whole number, half up. Rounding is the chart's precision, not a correction: the range
	 * checks then apply to the rounded value, and an implausible one is refused, never moved into range.
	 */
	private static Integer reading(int index, BundleEntryComponent entry, @Nullable Type value, String what) {
		if (!(value instanceof Quantity quantity) || !quantity.hasValue()) {
			return wholeNumber(index, entry, value, what);
		}
		return quantity.getValue().setScale(0, RoundingMode.HALF_UP).intValueExact();
	}

	private static BigDecimal quantity(int index, BundleEntryComponent entry, @Nullable Type value, String unit, String what) {
		if (!(value instanceof Quantity quantity) || !quantity.hasValue()) {
			throw unprocessable(index, entry, what + " needs a valueQuantity");
		}
		String given = quantity.hasCode() ? quantity.getCode() : quantity.getUnit();
		if (!unit.equals(given)) {
			throw unprocessable(index, entry, what + " must be in " + unit);
		}
		return quantity.getValue();
	}

	private LocalDate date(BaseDateTimeType dateTime) {
		if (dateTime.getPrecision().compareTo(ca.uhn.fhir.model.api.TemporalPrecisionEnum.DAY) <= 0) {
			// A date alone (or a year or month: its first day) names a calendar day, not an instant.
			return LocalDate.of(dateTime.getYear(), dateTime.getMonth() == null ? 1 : dateTime.getMonth() + 1,
					dateTime.getDay() == null ? 1 : dateTime.getDay());
		}
		return dateTime.getValue().toInstant().atZone(zone.zone()).toLocalDate();
	}

	private static SexAtBirth sexAtBirth(Patient patient) {
		Extension birthSex = patient.getExtensionByUrl(BIRTH_SEX);
		if (birthSex != null && birthSex.getValue() != null) {
			return switch (birthSex.getValue().primitiveValue()) {
				case "F" -> SexAtBirth.FEMALE;
				case "M" -> SexAtBirth.MALE;
				default -> SexAtBirth.UNKNOWN;
			};
		}
		if (!patient.hasGender()) {
			return SexAtBirth.UNKNOWN;
		}
		return switch (patient.getGender()) {
			case FEMALE -> SexAtBirth.FEMALE;
			case MALE -> SexAtBirth.MALE;
			case OTHER -> SexAtBirth.OTHER;
			default -> SexAtBirth.UNKNOWN;
		};
	}

	private static @Nullable String telecom(Patient patient, ContactPoint.ContactPointSystem system) {
		return patient.getTelecom().stream().filter(t -> t.getSystem() == system).map(ContactPoint::getValue)
			.filter(v -> v != null && !v.isBlank()).findFirst().orElse(null);
	}

	private static @Nullable String language(Patient patient) {
		if (!patient.hasCommunication()) {
			return null;
		}
		CodeableConcept language = patient.getCommunicationFirstRep().getLanguage();
		return blankToNull(language.hasText() ? language.getText() : language.getCodingFirstRep().getDisplay());
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	static String name(int index, BundleEntryComponent entry) {
		return "Bundle.entry[" + index + "]" + (entry.hasFullUrl() ? " (" + entry.getFullUrl() + ")" : "");
	}

	static InvalidRequestException invalid(int index, BundleEntryComponent entry, String message) {
		String text = name(index, entry) + " " + message;
		return new InvalidRequestException(text, outcome(text, OperationOutcome.IssueType.INVALID, index));
	}

	static UnprocessableEntityException unprocessable(int index, BundleEntryComponent entry, String message) {
		String text = name(index, entry) + ": " + message;
		return new UnprocessableEntityException(text, outcome(text, OperationOutcome.IssueType.PROCESSING, index));
	}

	static OperationOutcome outcome(String text, OperationOutcome.IssueType type, int index) {
		OperationOutcome outcome = new OperationOutcome();
		OperationOutcome.OperationOutcomeIssueComponent issue = outcome.addIssue()
			.setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(type).setDiagnostics(text);
		if (index >= 0) {
			issue.addExpression("Bundle.entry[" + index + "]");
		}
		return outcome;
	}
}
