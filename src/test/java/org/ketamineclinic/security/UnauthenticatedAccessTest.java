package org.ketamineclinic.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ketamineclinic.support.ClinicIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Nobody gets in without signing in: the API answers 401, the web pages send people to the login form. */
@ClinicIntegrationTest
class UnauthenticatedAccessTest {

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@LocalServerPort
	int port;

	@ParameterizedTest(name = "{0} {1} without a token → 401")
	@CsvSource(delimiter = '|', textBlock = """
			GET    | /api/v1/patients?query=a
			GET    | /api/v1/patients/{id}
			GET    | /api/v1/patients/{id}/chart
			POST   | /api/v1/patients
			PUT    | /api/v1/patients/{id}
			POST   | /api/v1/patients/{id}/measurements
			GET    | /api/v1/audit/verify
			DELETE | /api/v1/auth/token
			""")
	void apiWithoutATokenAnswers401ProblemWithBearerChallenge(String method, String path) {
		HttpResponse<String> response = call(method, path, null);

		assertUnauthenticatedProblem(response);
	}

	@ParameterizedTest(name = "Authorization: {0} → 401")
	@CsvSource(delimiter = '|', textBlock = """
			Bearer not-a-token-anyone-was-given
			Bearer
			""")
	void apiWithAnUnknownTokenAnswers401(String authorization) {
		HttpResponse<String> response = call("GET", "/api/v1/patients?query=a", authorization);

		assertUnauthenticatedProblem(response);
	}

	@Test
	void webPageWithoutASessionRedirectsToTheLoginForm() {
		HttpResponse<String> response = WebSession.send(http, HttpRequest.newBuilder(URI.create(base() + "/patients"))
			.header("Accept", "text/html")
			.GET());

		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location"))
			.hasValueSatisfying(location -> assertThat(URI.create(location).getPath()).isEqualTo("/login"));
		assertThat(response.body()).doesNotContain("Patients");
	}

	@Test
	void loginPageItselfIsOpen() {
		HttpResponse<String> response = WebSession.send(http, HttpRequest.newBuilder(URI.create(base() + "/login")).GET());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("name=\"password\"");
	}

	private static void assertUnauthenticatedProblem(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
		assertThat(response.body()).contains("\"status\":401");
	}

	private HttpResponse<String> call(String method, String path, String authorization) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path.replace("{id}", UUID.randomUUID().toString())))
			.header("Accept", "application/json")
			.header("Content-Type", "application/json")
			.method(method, method.equals("GET") || method.equals("DELETE") ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString("{\"givenName\":\"A\",\"familyName\":\"B\",\"birthDate\":\"1980-01-01\","
							+ "\"sexAtBirth\":\"MALE\",\"weightKg\":80,\"version\":0}"));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return WebSession.send(http, request);
	}

	private String base() {
		return "http://localhost:" + port;
	}
}
