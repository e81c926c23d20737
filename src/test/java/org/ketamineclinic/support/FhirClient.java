package org.ketamineclinic.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;

/**
 * Calls /fhir over real HTTP as an outside FHIR client would, and parses answers with HAPI's own
 * parser, so a test sees exactly what a client library would.
 */
public final class FhirClient {

	public static final FhirContext FHIR = FhirContext.forR4Cached();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
	private final String base;

	public FhirClient(int port) {
		this.base = "http://localhost:" + port + "/fhir";
	}

	public record Response(int status, String body, Map<String, java.util.List<String>> headers) {

		public <T extends IBaseResource> T resource(Class<T> type) {
			return FHIR.newJsonParser().parseResource(type, body);
		}

		public Bundle bundle() {
			return resource(Bundle.class);
		}

		public String header(String name) {
			return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
				.map(e -> e.getValue().get(0)).orElse(null);
		}
	}

	/** GET a path below /fhir (e.g. "Patient?name=chen"), or an absolute URL the server handed out. */
	public Response get(String token, String path) {
		return get(token, path, Map.of());
	}

	public Response get(String token, String path, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
		headers.forEach(request::header);
		return send(token, request);
	}

	public Response post(String token, String path, String body) {
		return send(token, HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/fhir+json")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	public Response post(String token, String path, IBaseResource resource) {
		return post(token, path, FHIR.newJsonParser().encodeResourceToString(resource));
	}

	public Response delete(String token, String path) {
		return send(token, HttpRequest.newBuilder(uri(path)).DELETE());
	}

	private URI uri(String path) {
		return URI.create(path.startsWith("http") ? path : base + (path.isEmpty() || path.startsWith("?") ? "" : "/") + path);
	}

	private Response send(String token, HttpRequest.Builder request) {
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (request.build().headers().firstValue("Accept").isEmpty()) {
			request.header("Accept", "application/fhir+json");
		}
		try {
			HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
					HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body(), response.headers().map());
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
