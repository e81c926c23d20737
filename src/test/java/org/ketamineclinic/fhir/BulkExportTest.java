package org.ketamineclinic.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ketamineclinic.support.ApiClient;
import org.ketamineclinic.support.ClinicIntegrationTest;
import org.ketamineclinic.support.FhirClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@ClinicIntegrationTest
class BulkExportTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final Map<String, String> ASYNC = Map.of("Prefer", "respond-async", "Accept", "application/fhir+json");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	ApiClient api;
	FhirClient fhir;
	String physician;

	@BeforeEach
	void clients() {
		api = new ApiClient(port);
		fhir = new FhirClient(port);
		physician = api.token("physician");
	}

	@Test
	void aWholeExportHasEveryNonVoidedPatientOfTheClinicOnceAndEachTypeMatchesItsSearch() {
		String kept = patient();
		String voided = patient();
		jdbc.sql("UPDATE patient SET voided_at = now(), voided_by = 'test', void_reason = 'registered twice' WHERE id = :id")
			.param("id", UUID.fromString(voided)).update();

		FhirClient.Response refused = fhir.get(physician, "$export");
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.resource(OperationOutcome.class).getIssueFirstRep().getDiagnostics()).contains("respond-async");

		FhirClient.Response kickOff = fhir.get(physician, "$export?_outputFormat=application%2Ffhir%2Bndjson", ASYNC);
		assertThat(kickOff.status()).as(kickOff.body()).isEqualTo(202);
		String location = kickOff.header("Content-Location");
		assertThat(location).startsWith("http://localhost:" + port + "/fhir/$export-poll-status?_jobId=");

		JsonNode manifest = completed(physician, location);
		assertThat(manifest.get("transactionTime").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*(Z|[+-]\\d\\d:\\d\\d)");
		assertThat(manifest.get("request").asString()).endsWith("/fhir/$export?_outputFormat=application%2Ffhir%2Bndjson");
		assertThat(manifest.get("requiresAccessToken").asBoolean()).isTrue();
		assertThat(manifest.get("error").isArray()).isTrue();
		assertThat(manifest.get("error")).isEmpty();

		Map<String, List<String>> lines = download(physician, manifest);
		assertThat(lines).containsKey("Patient");
		int clinicPatients = jdbc.sql("SELECT count(*) FROM patient WHERE voided_at IS NULL AND clinic_id = "
				+ "(SELECT clinic_id FROM patient WHERE id = :id)").param("id", UUID.fromString(kept)).query(Integer.class).single();
		List<String> patientIds = lines.get("Patient").stream()
			.map(line -> FhirClient.FHIR.newJsonParser().parseResource(line).getIdElement().getIdPart()).toList();
		assertThat(patientIds).hasSize(clinicPatients).doesNotHaveDuplicates().contains(kept).doesNotContain(voided);

		// Each type's lines about one patient are what a search for that patient finds: written once
		// over every type in the manifest, so resource types added later are checked too.
		String demo = patientIds.get(0);
		for (String type : lines.keySet()) {
			String search = type.equals("Patient") ? "Patient?_id=" + demo + "&_count=500" : type + "?patient=" + demo + "&_count=500";
			Bundle found = fhir.get(physician, search).bundle();
			long exported = lines.get(type).stream()
				.filter(line -> type.equals("Patient") ? line.contains("\"id\":\"" + demo + "\"") : line.contains("Patient/" + demo))
				.count();
			assertThat(exported).as(type).isEqualTo(found.getEntry().size());
		}

		String jobId = location.substring(location.indexOf("_jobId=") + 7);
		List<String> audited = jdbc.sql("SELECT resource_type || ' ' || coalesce(resource_id, '') FROM audit_entry WHERE resource_id LIKE :job ORDER BY seq")
			.param("job", "%" + jobId + "%").query(String.class).list();
		assertThat(audited.get(0)).startsWith("FHIR $export job " + jobId + " started");
		assertThat(audited.get(1)).startsWith("FHIR $export completed job " + jobId + ": ").contains("Patient=" + clinicPatients);
		assertThat(audited.stream().filter(entry -> entry.startsWith("FHIR $export file job " + jobId))).hasSize(manifest.get("output").size());
	}

	@Test
	void typeAndSinceNarrowTheExportAndPatientExportWorksToo() {
		String before = patient();
		Instant since = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		String after = patient();

		FhirClient.Response kickOff = fhir.get(physician, "Patient/$export?_type=Patient&_since=" + since, ASYNC);
		assertThat(kickOff.status()).as(kickOff.body()).isEqualTo(202);
		JsonNode manifest = completed(physician, kickOff.header("Content-Location"));
		assertThat(manifest.get("request").asString()).contains("/fhir/Patient/$export?_type=Patient&_since=");

		Map<String, List<String>> lines = download(physician, manifest);
		assertThat(lines.keySet()).containsExactly("Patient");
		assertThat(lines.get("Patient")).hasSize(1);
		assertThat(lines.get("Patient").get(0)).contains("\"id\":\"" + after + "\"").doesNotContain(before);

		FhirClient.Response onlyPatients = fhir.get(physician, "$export?_type=Patient", ASYNC);
		JsonNode whole = completed(physician, onlyPatients.header("Content-Location"));
		assertThat(whole.get("output")).isNotEmpty().allMatch(output -> output.get("type").asString().equals("Patient"));
	}

	@Test
	void wrongParametersAreRefusedWithAnOperationOutcome() {
		assertRefused(fhir.get(physician, "$export?_type=Patient,Spaceship", ASYNC), 400, "Spaceship");
		assertRefused(fhir.get(physician, "$export?_outputFormat=text/csv", ASYNC), 400, "_outputFormat");
		assertRefused(fhir.get(physician, "$export?_since=yesterday", ASYNC), 400, "_since");
		assertRefused(fhir.get(physician, "$export?_since=2999-01-01T00:00:00Z", ASYNC), 400, "future");
		assertRefused(fhir.get(physician, "$export?_typeFilter=Patient%3Fgender%3Dfemale", ASYNC), 400, "_typeFilter");
	}

	@Test
	void onlyPhysiciansAndAdministratorsExportAndOnlyTheirOwnJobsAreVisible() {
		for (String user : List.of("nurse", "frontdesk", "patient1", "therapist")) {
			assertRefused(fhir.get(api.token(user), "$export", ASYNC), 403, "may not export");
		}
		int denials = jdbc.sql("SELECT count(*) FROM audit_entry WHERE resource_type = 'FHIR $export' AND action = 'EXPORT' AND outcome = 'DENIED'")
			.query(Integer.class).single();
		assertThat(denials).isGreaterThanOrEqualTo(4);

		String admin = api.token("admin");
		FhirClient.Response kickOff = fhir.get(admin, "$export?_type=Patient", ASYNC);
		assertThat(kickOff.status()).as(kickOff.body()).isEqualTo(202);
		String location = kickOff.header("Content-Location");
		JsonNode manifest = completed(admin, location);

		assertRefused(fhir.get(physician, location), 404, "not known");
		assertRefused(fhir.get(physician, manifest.get("output").get(0).get("url").asString()), 404, "not known");
		assertRefused(fhir.delete(physician, location), 404, "not known");
		assertRefused(fhir.get(api.token("nurse"), location), 403, "may not export");
		assertRefused(fhir.get(admin, location.replaceAll("_jobId=.*", "_jobId=" + UUID.randomUUID())), 404, "not known");
		assertRefused(fhir.get(admin, location + "x"), 404, "not known");
		assertThat(fhir.get(admin, location).status()).isEqualTo(200);
	}

	@Test
	void deleteCancelsAndRemovesTheJob() {
		FhirClient.Response kickOff = fhir.get(physician, "$export", ASYNC);
		String location = kickOff.header("Content-Location");

		FhirClient.Response cancelled = fhir.delete(physician, location);
		assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(202);
		assertRefused(fhir.get(physician, location), 404, "not known");
		String jobId = location.substring(location.indexOf("_jobId=") + 7);
		assertThat(jdbc.sql("SELECT count(*) FROM fhir_export_job WHERE id = :id").param("id", UUID.fromString(jobId))
			.query(Integer.class).single()).isZero();
	}

	@Test
	void anExpiredJobIsNotFoundAndNeitherAreItsFiles() {
		FhirClient.Response kickOff = fhir.get(physician, "$export?_type=Patient", ASYNC);
		String location = kickOff.header("Content-Location");
		JsonNode manifest = completed(physician, location);
		String file = manifest.get("output").get(0).get("url").asString();
		assertThat(fhir.get(physician, file, Map.of("Accept", "application/fhir+ndjson")).status()).isEqualTo(200);

		String jobId = location.substring(location.indexOf("_jobId=") + 7);
		jdbc.sql("UPDATE fhir_export_job SET expires_at = now() - interval '1 second' WHERE id = :id")
			.param("id", UUID.fromString(jobId)).update();

		assertRefused(fhir.get(physician, location), 404, "expired");
		assertRefused(fhir.get(physician, file), 404, "expired");
	}

	private JsonNode completed(String token, String location) {
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
			FhirClient.Response poll = fhir.get(token, location);
			if (poll.status() == 202) {
				assertThat(poll.header("X-Progress")).isNotBlank();
				assertThat(poll.header("Retry-After")).isNotBlank();
			}
			else {
				assertThat(poll.status()).as(poll.body()).isEqualTo(200);
			}
			return poll.status() == 200;
		});
		FhirClient.Response done = fhir.get(token, location);
		assertThat(done.header("Content-Type")).startsWith("application/json");
		JsonNode manifest = JSON.readTree(done.body());
		assertThat(manifest.get("output").isArray()).isTrue();
		return manifest;
	}

	/** Every output file, by type: each line a resource of the file's type, and the manifest's count right. */
	private Map<String, List<String>> download(String token, JsonNode manifest) {
		Map<String, List<String>> lines = new HashMap<>();
		for (JsonNode output : manifest.get("output")) {
			String type = output.get("type").asString();
			String url = output.get("url").asString();
			assertThat(url).startsWith("http://localhost:" + port + "/fhir/");
			assertThat(fhir.get(null, url).status()).isEqualTo(401);
			FhirClient.Response file = fhir.get(token, url, Map.of("Accept", "application/fhir+ndjson"));
			assertThat(file.status()).as(file.body()).isEqualTo(200);
			assertThat(file.header("Content-Type")).startsWith("application/fhir+ndjson");
			List<String> fileLines = file.body().lines().toList();
			assertThat(fileLines).hasSize(output.get("count").asInt());
			for (String line : fileLines) {
				IBaseResource resource = FhirClient.FHIR.newJsonParser().parseResource(line);
				assertThat(resource.fhirType()).isEqualTo(type);
			}
			lines.computeIfAbsent(type, t -> new ArrayList<>()).addAll(fileLines);
		}
		return lines;
	}

	private static void assertRefused(FhirClient.Response response, int status, String diagnostics) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.resource(OperationOutcome.class).getIssueFirstRep().getDiagnostics()).contains(diagnostics);
	}

	private String patient() {
		Map<String, Object> body = new HashMap<>();
		StringBuilder name = new StringBuilder("Zx");
		for (int i = 0; i < 10; i++) {
			name.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
		}
		body.put("givenName", "Export");
		body.put("familyName", name.toString());
		body.put("birthDate", "1979-06-02");
		body.put("sexAtBirth", "FEMALE");
		ApiClient.Response created = api.post(api.token("frontdesk"), "/api/v1/patients", body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asString();
	}
}
