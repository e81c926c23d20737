package org.ketamineclinic.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The web pages as a browser sees them: cookies kept between requests, redirects not followed
 * (so tests can assert them), forms posted URL-encoded with or without their CSRF token.
 */
public final class WebSession {

	private static final Pattern CSRF_INPUT = Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(cookies)
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(10))
		.build();
	private final String base;

	public WebSession(int port) {
		this.base = "http://localhost:" + port;
	}

	public HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").GET());
	}

	/** A GET as htmx sends it, for the partials a page swaps in. */
	public HttpResponse<String> getHtmx(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").header("HX-Request", "true").GET());
	}

	public HttpResponse<String> postForm(String path, Map<String, String> fields) {
		String form = fields.entrySet().stream()
			.map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Accept", "text/html")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)));
	}

	/** The CSRF token the page at {@code path} puts into its forms. */
	public String csrfTokenOf(String path) {
		HttpResponse<String> page = get(path);
		assertThat(page.statusCode()).as("GET %s", path).isEqualTo(200);
		Matcher token = CSRF_INPUT.matcher(page.body());
		assertThat(token.find()).as("a _csrf hidden input on %s", path).isTrue();
		return token.group(1);
	}

	boolean hasSessionCookie() {
		return cookies.getCookieStore().getCookies().stream().anyMatch(cookie -> cookie.getName().equals("SESSION"));
	}

	/** Signs in through the login form, as a person does; fails the test if the form refuses. */
	public WebSession signIn(String username, String password) {
		String csrf = csrfTokenOf("/login");
		assertThat(hasSessionCookie()).as("the login page starts a session").isTrue();
		HttpResponse<String> signedIn = postForm("/login", Map.of("username", username, "password", password, "_csrf", csrf));
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location")).as("redirect after sign-in").hasValueSatisfying(
				location -> assertThat(URI.create(location).getPath()).isEqualTo("/"));
		return this;
	}

	static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request) {
		try {
			return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		return send(http, request);
	}
}
