package org.ketamineclinic.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.UnknownCodeSystemWarningValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.utilities.npm.NpmPackage;

/**
 * HAPI's instance validator over the R4 core definitions plus the FHIR packages in
 * {@code ../shared/fhir-packages} (US Core 6.1.0 and its dependencies) when that directory exists.
 * Built once per JVM: loading the packages and generating snapshots takes many seconds. There is no
 * terminology server here, so codes from LOINC, SNOMED CT or ICD-10-CM cannot be checked: unknown
 * code systems are reported as warnings, never errors.
 */
public final class FhirValidation {

	/** The packages directory, relative to the project directory (the working directory of a Maven test run). */
	public static final Path PACKAGES = Path.of("..", "shared", "fhir-packages").toAbsolutePath().normalize();

	private static final FhirContext FHIR = FhirClient.FHIR;
	private static final List<String> LOADED = new ArrayList<>();
	private static final FhirValidator VALIDATOR = build();

	private FhirValidation() {
	}

	/** The package names loaded (e.g. hl7.fhir.us.core), empty when the directory is missing. */
	public static List<String> loadedPackages() {
		return List.copyOf(LOADED);
	}

	public static boolean usCoreLoaded() {
		return LOADED.contains("hl7.fhir.us.core");
	}

	/** Every message of severity ERROR or FATAL for the resource. */
	public static List<SingleValidationMessage> errors(IBaseResource resource) {
		return VALIDATOR.validateWithResult(resource).getMessages().stream()
			.filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
			.toList();
	}

	public static String describe(List<SingleValidationMessage> messages) {
		StringBuilder text = new StringBuilder();
		messages.forEach(m -> text.append("\n  ").append(m.getSeverity()).append(' ').append(m.getLocationString()).append(": ")
			.append(m.getMessage()));
		return text.toString();
	}

	private static FhirValidator build() {
		PrePopulatedValidationSupport packages = new PrePopulatedValidationSupport(FHIR);
		if (Files.isDirectory(PACKAGES)) {
			try (Stream<Path> files = Files.list(PACKAGES)) {
				for (Path file : files.filter(f -> f.toString().endsWith(".tgz")).sorted().toList()) {
					load(packages, file);
				}
			}
			catch (IOException e) {
				throw new IllegalStateException("Cannot read the FHIR packages in " + PACKAGES, e);
			}
		}
		if (!LOADED.isEmpty()) {
			vsacStandIns(packages);
		}
		UnknownCodeSystemWarningValidationSupport unknownCodeSystems = new UnknownCodeSystemWarningValidationSupport(FHIR);
		unknownCodeSystems.setNonExistentCodeSystemSeverity(IValidationSupport.IssueSeverity.WARNING);
		ValidationSupportChain chain = new ValidationSupportChain(new DefaultProfileValidationSupport(FHIR), packages,
				new CommonCodeSystemsTerminologyService(FHIR), new InMemoryTerminologyServerValidationSupport(FHIR),
				new SnapshotGeneratingValidationSupport(FHIR), unknownCodeSystems);
		FhirInstanceValidator instanceValidator = new FhirInstanceValidator(chain);
		// A profile named in meta.profile that cannot be found must fail, or a missing package would pass silently.
		instanceValidator.setErrorForUnknownProfiles(true);
		FhirValidator validator = FHIR.newValidator();
		validator.registerValidatorModule(instanceValidator);
		return validator;
	}

	/**
	 * US Core's birth sex value set is built from two VSAC value sets, which are not in any package
	 * (VSAC needs a licence key), so without them no birth sex code could be found. These stand-ins
	 * hold the VSAC sets' published codes: ONC Administrative Sex (F, M) and its null flavours (UNK, ASKU).
	 */
	private static void vsacStandIns(PrePopulatedValidationSupport into) {
		org.hl7.fhir.r4.model.ValueSet sex = new org.hl7.fhir.r4.model.ValueSet();
		sex.setUrl("http://cts.nlm.nih.gov/fhir/ValueSet/2.16.840.1.113762.1.4.1").setStatus(
				org.hl7.fhir.r4.model.Enumerations.PublicationStatus.ACTIVE);
		sex.getCompose().addInclude().setSystem("http://terminology.hl7.org/CodeSystem/v3-AdministrativeGender")
			.addConcept(new org.hl7.fhir.r4.model.ValueSet.ConceptReferenceComponent().setCode("F").setDisplay("Female"))
			.addConcept(new org.hl7.fhir.r4.model.ValueSet.ConceptReferenceComponent().setCode("M").setDisplay("Male"));
		org.hl7.fhir.r4.model.ValueSet unknown = new org.hl7.fhir.r4.model.ValueSet();
		unknown.setUrl("http://cts.nlm.nih.gov/fhir/ValueSet/2.16.840.1.113762.1.4.1021.103").setStatus(
				org.hl7.fhir.r4.model.Enumerations.PublicationStatus.ACTIVE);
		unknown.getCompose().addInclude().setSystem("http://terminology.hl7.org/CodeSystem/v3-NullFlavor")
			.addConcept(new org.hl7.fhir.r4.model.ValueSet.ConceptReferenceComponent().setCode("UNK").setDisplay("unknown"))
			.addConcept(new org.hl7.fhir.r4.model.ValueSet.ConceptReferenceComponent().setCode("ASKU").setDisplay("asked but unknown"));
		into.addResource(sex);
		into.addResource(unknown);
	}

	/** The conformance resources (profiles, extensions, value sets, code systems) of one package; examples are skipped. */
	private static void load(PrePopulatedValidationSupport into, Path file) throws IOException {
		NpmPackage npm;
		try (InputStream in = Files.newInputStream(file)) {
			npm = NpmPackage.fromPackage(in);
		}
		NpmPackage.NpmPackageFolder folder = npm.getFolders().get("package");
		if (folder == null) {
			return;
		}
		IParser parser = FHIR.newJsonParser().setParserErrorHandler(new LenientErrorHandler(false));
		for (String name : folder.listFiles()) {
			String lower = name.toLowerCase(Locale.ROOT);
			if (!lower.endsWith(".json") || !(lower.startsWith("structuredefinition-") || lower.startsWith("valueset-")
					|| lower.startsWith("codesystem-"))) {
				continue;
			}
			try {
				into.addResource(parser.parseResource(new String(folder.getContent().get(name), StandardCharsets.UTF_8)));
			}
			catch (ca.uhn.fhir.parser.DataFormatException notR4) {
				// A few package files use elements HAPI's R4 model does not know; the validator does without them.
			}
		}
		LOADED.add(npm.name());
	}
}
