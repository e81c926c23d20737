package org.ketamineclinic.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.ketamineclinic.support.ApiClient;
import org.ketamineclinic.support.ClinicIntegrationTest;
import org.ketamineclinic.support.FhirClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Real-looking records: the Synthea patients the build generates (profile synthea in pom.xml:
 * org.mitre.synthea:synthea in its own JVM, seed 20261123, 15 adults, US Core 6.1.0 transaction
 * bundles in target/synthea/fhir) imported bundle by bundle, then counted against the bundles.
 * Missing output fails the test: run ./mvnw -Psynthea process-test-classes.
 */
@ClinicIntegrationTest
class SyntheaImportTest {

	static final Path OUTPUT = Path.of("target", "synthea", "fhir");

	/** The measures counted: LOINC codes of each vital sign, and the column that holds it. */
	static final Map<String, List<String>> VITALS = Map.of(
			"sbp", List.of("85354-9"),
			"weight_kg", List.of("29463-7"),
			"height_cm", List.of("8302-2"),
			"heart_rate", List.of("8867-4"),
			"respiratory_rate", List.of("9279-1"),
			"spo2", List.of("2708-6", "59408-5"));

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void syntheaBundlesImportWithEveryPatientScoreAndVitalSign() throws IOException {
		List<Path> files = bundles();
		assertThat(files).as("Synthea bundles in " + OUTPUT.toAbsolutePath()
				+ " (generate them with ./mvnw -Psynthea process-test-classes)").isNotEmpty();
		ApiClient api = new ApiClient(port);
		FhirClient fhir = new FhirClient(port);
		String token = api.token("physician");

		List<String> patientKeys = new ArrayList<>();
		int phq9Totals = 0;
		Map<String, Integer> expectedVitals = new TreeMap<>();
		List<String> bodies = new ArrayList<>();
		for (Path file : files) {
			String body = Files.readString(file);
			bodies.add(body);
			Bundle bundle = FhirClient.FHIR.newJsonParser().parseResource(Bundle.class, body);
			for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
				if (entry.getResource() instanceof Patient patient) {
					Identifier id = patient.getIdentifier().stream().filter(Identifier::hasValue).findFirst().orElseThrow();
					patientKeys.add(id.getSystem() + "|" + id.getValue());
				}
				if (entry.getResource() instanceof Observation observation
						&& observation.getStatus() != Observation.ObservationStatus.ENTEREDINERROR) {
					String code = observation.getCode().getCoding().stream().filter(c -> "http://loinc.org".equals(c.getSystem()))
						.map(Coding::getCode).findFirst().orElse("");
					if (code.equals("44261-6")) {
						phq9Totals++;
					}
					VITALS.forEach((column, codes) -> {
						if (codes.contains(code)) {
							expectedVitals.merge(column, 1, Integer::sum);
						}
					});
				}
			}
		}
		assertThat(patientKeys).hasSameSizeAs(files);
		assertThat(phq9Totals).as("PHQ-9 totals in the Synthea bundles").isPositive();

		for (String body : bodies) {
			FhirClient.Response response = fhir.post(token, "", body);
			assertThat(response.status()).as(response.body()).isEqualTo(200);
		}

		List<UUID> patients = jdbc.sql("""
				SELECT l.local_id FROM fhir_import_link l JOIN patient p ON p.id = l.local_id
				WHERE l.resource_type = 'Patient' AND l.source_key IN (:keys)""").param("keys", patientKeys)
			.query(UUID.class).list();
		assertThat(patients).hasSameSizeAs(files);
		assertThat(jdbc.sql("SELECT count(*) FROM assessment WHERE instrument = 'PHQ9' AND total_loinc = '44261-6' "
				+ "AND patient_id IN (:patients)").param("patients", patients).query(Integer.class).single())
			.isEqualTo(phq9Totals);
		assertThat(storedVitals(patients)).isEqualTo(withZeros(expectedVitals));

		Map<String, Integer> before = storedVitals(patients);
		int allPatients = jdbc.sql("SELECT count(*) FROM patient").query(Integer.class).single();
		int allAssessments = jdbc.sql("SELECT count(*) FROM assessment").query(Integer.class).single();
		FhirClient.Response again = fhir.post(token, "", bodies.get(0));
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.bundle().getEntry()).extracting(e -> e.getResponse().getStatus()).containsOnly("200 OK");
		assertThat(storedVitals(patients)).isEqualTo(before);
		assertThat(jdbc.sql("SELECT count(*) FROM patient").query(Integer.class).single()).isEqualTo(allPatients);
		assertThat(jdbc.sql("SELECT count(*) FROM assessment").query(Integer.class).single()).isEqualTo(allAssessments);
	}

	private Map<String, Integer> storedVitals(List<UUID> patients) {
		Map<String, Integer> stored = new TreeMap<>();
		for (String column : VITALS.keySet()) {
			stored.put(column, jdbc.sql("SELECT count(*) FROM patient_measurement WHERE " + column
					+ " IS NOT NULL AND patient_id IN (:patients)").param("patients", patients).query(Integer.class).single());
		}
		return stored;
	}

	private static Map<String, Integer> withZeros(Map<String, Integer> counts) {
		Map<String, Integer> all = new TreeMap<>(counts);
		VITALS.keySet().forEach(column -> all.putIfAbsent(column, 0));
		return all;
	}

	private static List<Path> bundles() throws IOException {
		assertThat(OUTPUT).as("Synthea output " + OUTPUT.toAbsolutePath()
				+ " is missing: the synthea profile in pom.xml generates it (./mvnw -Psynthea process-test-classes)")
			.isDirectory();
		try (Stream<Path> files = Files.list(OUTPUT)) {
			return files.filter(f -> f.getFileName().toString().endsWith(".json"))
				.filter(f -> !f.getFileName().toString().startsWith("hospitalInformation")
						&& !f.getFileName().toString().startsWith("practitionerInformation"))
				.sorted().toList();
		}
	}
}
