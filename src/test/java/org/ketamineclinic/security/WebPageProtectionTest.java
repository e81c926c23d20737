package org.ketamineclinic.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ketamineclinic.support.ApiClient;

/** The web pages defend against framing, content sniffing and cross-site form posts. */
class WebPageProtectionTest extends SecurityTest {


	@Test
	void theLoginPageSendsTheProtectiveHeaders() {
		HttpResponse<String> login = new WebSession(port).get("/login");

		assertThat(login.statusCode()).isEqualTo(200);
		assertProtectiveHeaders(login.headers());
	}

	@Test
	void aSignedInPageSendsTheProtectiveHeadersAndIsNotCached() {
		WebSession browser = new WebSession(port).signIn("nurse", ApiClient.DEMO_PASSWORD);

		HttpResponse<String> patients = browser.get("/patients");

		assertThat(patients.statusCode()).isEqualTo(200);
		assertProtectiveHeaders(patients.headers());
		assertThat(patients.headers().firstValue("Cache-Control")).hasValueSatisfying(
				cache -> assertThat(cache).contains("no-store"));
	}

	@Test
	void aFormPostWithoutTheCsrfTokenIsRefusedEvenWithAValidSession() {
		WebSession browser = new WebSession(port).signIn("nurse", ApiClient.DEMO_PASSWORD);
		String familyName = SecurityFixtures.uniqueFamilyName();

		HttpResponse<String> forged = browser.postForm("/patients", registration(familyName));

		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(browser.get("/patients").statusCode()).as("the session itself is still valid").isEqualTo(200);
		assertThat(patientsNamed(familyName)).isZero();
	}

	@Test
	void aFormPostWithAWrongCsrfTokenIsRefused() {
		WebSession browser = new WebSession(port).signIn("nurse", ApiClient.DEMO_PASSWORD);
		String familyName = SecurityFixtures.uniqueFamilyName();
		Map<String, String> form = registration(familyName);
		form.put("_csrf", "made-up-by-another-site");

		assertThat(browser.postForm("/patients", form).statusCode()).isEqualTo(403);
		assertThat(patientsNamed(familyName)).isZero();
	}

	@Test
	void theSameFormPostWithTheCsrfTokenOfThePageIsAccepted() {
		WebSession browser = new WebSession(port).signIn("nurse", ApiClient.DEMO_PASSWORD);
		String familyName = SecurityFixtures.uniqueFamilyName();
		Map<String, String> form = registration(familyName);
		form.put("_csrf", browser.csrfTokenOf("/patients/new"));

		HttpResponse<String> registered = browser.postForm("/patients", form);

		assertThat(registered.statusCode()).isEqualTo(302);
		assertThat(registered.headers().firstValue("Location")).hasValueSatisfying(
				location -> assertThat(URI.create(location).getPath()).matches("/patients/[0-9a-f-]{36}"));
		assertThat(patientsNamed(familyName)).isOne();
	}

	@Test
	void theSessionCookieIsHttpOnlyAndSameSite() {
		HttpResponse<String> login = new WebSession(port).get("/login");

		assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
			.startsWith("SESSION=")
			.containsIgnoringCase("HttpOnly")
			.containsIgnoringCase("SameSite=Lax"));
	}

	private static void assertProtectiveHeaders(HttpHeaders headers) {
		assertThat(headers.firstValue("Content-Security-Policy")).hasValueSatisfying(
				csp -> assertThat(csp).contains("frame-ancestors 'none'").contains("default-src 'self'").doesNotContain("unsafe-inline"));
		assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
		assertThat(headers.firstValue("Referrer-Policy")).hasValue("same-origin");
	}

	private static Map<String, String> registration(String familyName) {
		Map<String, String> form = new HashMap<>();
		form.put("givenName", "Csrf");
		form.put("familyName", familyName);
		form.put("birthDate", "1985-07-19");
		form.put("sexAtBirth", "MALE");
		return form;
	}

	private long patientsNamed(String familyName) {
		return jdbc.queryForObject("SELECT count(*) FROM patient WHERE family_name = ?", Long.class, familyName);
	}
}
