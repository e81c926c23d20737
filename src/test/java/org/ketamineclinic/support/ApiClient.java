package org.ketamineclinic.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls the running application over real HTTP, as an outside client of the JSON API would. */
public final class ApiClient {

	public static final String DEMO_PASSWORD = "ketamine-demo";
	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
	private final String base;

	public ApiClient(int port) {
		this.base = "http://localhost:" + port;
	}

	public record Response(int status, String body, String contentType) {

		public JsonNode json() {
			return JSON.readTree(body);
		}
	}

	public String token(String username) {
		return token(username, DEMO_PASSWORD);
	}

	public String token(String username, String password) {
		Response response = post(null, "/api/v1/auth/token", Map.of("username", username, "password", password));
		if (response.status() != 200) {
			throw new IllegalStateException("token for " + username + " refused: " + response.status() + " " + response.body());
		}
		return response.json().get("token").asString();
	}

	public Response get(String token, String path) {
		return send(token, HttpRequest.newBuilder(URI.create(base + path)).GET());
	}

	public Response get(String token, String path, String accept) {
		return send(token, HttpRequest.newBuilder(URI.create(base + path)).header("Accept", accept).GET());
	}

	public Response post(String token, String path, Object body) {
		return send(token, HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body instanceof String text ? text : JSON.writeValueAsString(body))));
	}

	public Response put(String token, String path, Object body) {
		return send(token, HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(body instanceof String text ? text : JSON.writeValueAsString(body))));
	}

	public Response delete(String token, String path) {
		return send(token, HttpRequest.newBuilder(URI.create(base + path)).DELETE());
	}

	private Response send(String token, HttpRequest.Builder request) {
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (request.build().headers().firstValue("Accept").isEmpty()) {
			request.header("Accept", "application/json");
		}
		try {
			HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body(),
					response.headers().firstValue("Content-Type").orElse(""));
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
