package org.ketamineclinic.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.ketamineclinic.support.ApiClient;
import org.ketamineclinic.support.ClinicIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Health and readiness for the load balancer, metrics only for administrators, the API described. */
@ClinicIntegrationTest
class OperationsTest {

	@LocalServerPort
	int port;

	@Test
	void healthAndReadinessArePublic() {
		ApiClient api = new ApiClient(port);
		ApiClient.Response readiness = api.get(null, "/actuator/health/readiness");
		assertThat(readiness.status()).isEqualTo(200);
		assertThat(readiness.json().get("status").asString()).isEqualTo("UP");
		assertThat(api.get(null, "/actuator/health/liveness").status()).isEqualTo(200);
	}

	@Test
	void prometheusMetricsNeedAnAdministrator() {
		ApiClient api = new ApiClient(port);
		assertThat(api.get(null, "/actuator/prometheus").status()).isEqualTo(401);
		assertThat(api.get(api.token("physician"), "/actuator/prometheus").status()).isEqualTo(403);
		ApiClient.Response metrics = api.get(api.token("admin"), "/actuator/prometheus", "text/plain");
		assertThat(metrics.status()).isEqualTo(200);
		assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("http_server_requests");
	}

	@Test
	void openApiDescribesTheContractPaths() {
		ApiClient.Response docs = new ApiClient(port).get(null, "/v3/api-docs");
		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.json().get("paths").has("/api/v1/patients")).isTrue();
		assertThat(docs.json().get("paths").has("/api/v1/patients/{id}/antidepressant-trials")).isTrue();
		assertThat(docs.json().get("paths").has("/api/v1/auth/token")).isTrue();
	}

	@Test
	void unexpectedErrorsShowOnlyAReference() {
		ApiClient.Response missing = new ApiClient(port).get(new ApiClient(port).token("nurse"), "/api/v1/no-such-endpoint");
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.contentType()).startsWith("application/problem+json");
		assertThat(missing.body()).doesNotContain("Exception").doesNotContain("at org.");
	}
}
