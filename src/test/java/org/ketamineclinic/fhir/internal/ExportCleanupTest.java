package org.ketamineclinic.fhir.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ketamineclinic.support.ApiClient;
import org.ketamineclinic.support.ClinicIntegrationTest;
import org.ketamineclinic.support.FhirClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The scheduled cleanup, called directly: an expired job's files and rows go, a live job's stay. */
@ClinicIntegrationTest
class ExportCleanupTest {

	@LocalServerPort
	int port;

	@Autowired
	BulkExportService exports;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theCleanupDeletesExpiredJobsWithTheirFilesAndKeepsTheOthers() {
		ApiClient api = new ApiClient(port);
		FhirClient fhir = new FhirClient(port);
		String token = api.token("physician");
		UUID expired = finishedExport(fhir, token);
		UUID live = finishedExport(fhir, token);
		assertThat(exports.jobDirectory(expired)).isDirectoryContaining(path -> path.toString().endsWith(".ndjson"));

		exports.expireNow(expired);
		exports.deleteExpired();

		assertThat(Files.exists(exports.jobDirectory(expired))).isFalse();
		assertThat(jdbc.sql("SELECT count(*) FROM fhir_export_file WHERE job_id = :id").param("id", expired).query(Integer.class).single()).isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM fhir_export_job WHERE id = :id").param("id", expired).query(Integer.class).single()).isZero();
		assertThat(exports.jobDirectory(live)).isDirectoryContaining(path -> path.toString().endsWith(".ndjson"));
		assertThat(fhir.get(token, "$export-poll-status?_jobId=" + live).status()).isEqualTo(200);
	}

	@Test
	void aCancelledJobLeavesNoFilesWhetherItWasQueuedRunningOrDone() {
		ApiClient api = new ApiClient(port);
		FhirClient fhir = new FhirClient(port);
		String token = api.token("physician");
		String location = fhir.get(token, "$export", Map.of("Prefer", "respond-async")).header("Content-Location");
		UUID job = UUID.fromString(location.substring(location.indexOf("_jobId=") + 7));

		assertThat(fhir.delete(token, location).status()).isEqualTo(202);

		// A running worker notices at its next batch; waiting for the pool to go idle covers every case.
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
			.until(() -> exports.idle() && !Files.exists(exports.jobDirectory(job)));
		assertThat(jdbc.sql("SELECT count(*) FROM fhir_export_job WHERE id = :id").param("id", job).query(Integer.class).single()).isZero();
	}

	private UUID finishedExport(FhirClient fhir, String token) {
		String location = fhir.get(token, "$export?_type=Patient", Map.of("Prefer", "respond-async")).header("Content-Location");
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
			.until(() -> fhir.get(token, location).status() == 200);
		return UUID.fromString(location.substring(location.indexOf("_jobId=") + 7));
	}
}
