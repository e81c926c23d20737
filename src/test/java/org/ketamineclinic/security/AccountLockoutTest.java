package org.ketamineclinic.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.ketamineclinic.identity.Role;
import org.ketamineclinic.support.ApiClient;

/** Five wrong passwords lock an account for 15 minutes; during the lockout even the right password is refused. */
class AccountLockoutTest extends SecurityTest {

	private static final Duration LOCKOUT = Duration.ofMinutes(15);


	@Test
	void fiveWrongPasswordsLockTheAccountForFifteenMinutes() {
		String username = fixtures.createAccount(fixtures.demoClinic(), "lockout", Role.NURSE, null);

		for (int attempt = 1; attempt <= 5; attempt++) {
			ApiClient.Response refused = requestToken(username, "wrong-password-" + attempt);
			assertThat(refused.status()).as("wrong password, attempt %d", attempt).isEqualTo(401);
			assertThat(refused.contentType()).startsWith("application/problem+json");
		}
		Instant lockedAround = Instant.now();

		ApiClient.Response rightPassword = requestToken(username, SecurityFixtures.PASSWORD);
		assertThat(rightPassword.status()).isEqualTo(401);
		assertThat(rightPassword.json().get("detail").asString()).contains("locked");
		assertThat(rightPassword.body()).doesNotContain("\"token\"");

		Instant lockedUntil = jdbc.queryForObject("SELECT locked_until FROM user_account WHERE username = ?", Timestamp.class,
				username).toInstant();
		assertThat(lockedUntil).isBetween(lockedAround.plus(LOCKOUT).minusSeconds(60), lockedAround.plus(LOCKOUT).plusSeconds(5));
	}

	@Test
	void fourWrongPasswordsDoNotLockAndASuccessfulSignInStartsTheCountAgain() {
		String username = fixtures.createAccount(fixtures.demoClinic(), "lockout", Role.NURSE, null);

		for (int attempt = 1; attempt <= 4; attempt++) {
			assertThat(requestToken(username, "wrong-password").status()).isEqualTo(401);
		}
		assertThat(requestToken(username, SecurityFixtures.PASSWORD).status()).isEqualTo(200);
		for (int attempt = 1; attempt <= 4; attempt++) {
			assertThat(requestToken(username, "wrong-password").status()).isEqualTo(401);
		}

		assertThat(requestToken(username, SecurityFixtures.PASSWORD).status()).isEqualTo(200);
		assertThat(jdbc.queryForObject("SELECT locked_until FROM user_account WHERE username = ?", Timestamp.class, username))
			.isNull();
	}

	@Test
	void lockedAccountsTokensIssuedBeforeTheLockoutStopWorking() {
		String username = fixtures.createAccount(fixtures.demoClinic(), "lockout", Role.NURSE, null);
		String token = fixtures.api.token(username, SecurityFixtures.PASSWORD);
		assertThat(fixtures.api.get(token, "/api/v1/patients?query=x").status()).isEqualTo(200);

		for (int attempt = 1; attempt <= 5; attempt++) {
			assertThat(requestToken(username, "wrong-password").status()).isEqualTo(401);
		}

		assertThat(fixtures.api.get(token, "/api/v1/patients?query=x").status()).isEqualTo(401);
	}

	@Test
	void anAdministratorSeesTheLockAndLiftsItWithATemporaryPassword() {
		String username = fixtures.createAccount(fixtures.demoClinic(), "lockout", Role.NURSE, null);
		lock(username);
		WebSession admin = new WebSession(port).signIn("admin", ApiClient.DEMO_PASSWORD);

		assertThat(statusShownFor(admin, username)).isEqualTo("locked");

		HttpResponse<String> reset = admin.postForm("/admin/users/" + fixtures.userId(username) + "/reset-password",
				Map.of("_csrf", admin.csrfTokenOf("/admin/users")));
		assertThat(reset.statusCode()).isEqualTo(302);
		HttpResponse<String> users = admin.get("/admin/users");
		Matcher temporary = Pattern.compile("<code id=\"temporary-password\">([^<]+)</code>").matcher(users.body());
		assertThat(temporary.find()).as("the temporary password is shown once").isTrue();

		assertThat(requestToken(username, temporary.group(1)).status()).isEqualTo(200);
		assertThat(statusShownFor(admin, username)).isEqualTo("active");
	}

	@Test
	void anotherClinicsAdministratorCannotResetThisClinicsAccount() {
		String username = fixtures.createAccount(fixtures.demoClinic(), "lockout", Role.NURSE, null);
		lock(username);
		String hashBefore = passwordHash(username);
		SecurityFixtures.OtherClinic other = fixtures.otherClinicWithPhysician();
		String otherAdmin = fixtures.createAccount(other.clinic(), "other-admin", Role.ADMIN, null);
		WebSession browser = new WebSession(port).signIn(otherAdmin, SecurityFixtures.PASSWORD);

		HttpResponse<String> refused = browser.postForm("/admin/users/" + fixtures.userId(username) + "/reset-password",
				Map.of("_csrf", browser.csrfTokenOf("/admin/users")));

		assertThat(refused.statusCode()).isEqualTo(404);
		assertThat(passwordHash(username)).isEqualTo(hashBefore);
		assertThat(browser.get("/admin/users").body()).doesNotContain(username);
		assertThat(requestToken(username, SecurityFixtures.PASSWORD).status()).as("still locked").isEqualTo(401);
	}

	private void lock(String username) {
		for (int attempt = 1; attempt <= 5; attempt++) {
			assertThat(requestToken(username, "wrong-password").status()).isEqualTo(401);
		}
		assertThat(jdbc.queryForObject("SELECT locked_until FROM user_account WHERE username = ?", Timestamp.class, username))
			.isNotNull();
	}

	private String passwordHash(String username) {
		return jdbc.queryForObject("SELECT password_hash FROM user_account WHERE username = ?", String.class, username);
	}

	/** The status column of the account's row on the administrator's user list. */
	private static String statusShownFor(WebSession admin, String username) {
		HttpResponse<String> users = admin.get("/admin/users");
		assertThat(users.statusCode()).isEqualTo(200);
		Matcher row = Pattern.compile("data-username=\"" + Pattern.quote(username) + "\">(.*?)</tr>", Pattern.DOTALL)
			.matcher(users.body());
		assertThat(row.find()).as("a row for %s", username).isTrue();
		Matcher status = Pattern.compile("<td data-label=\"Status\">([^<]*)</td>").matcher(row.group(1));
		assertThat(status.find()).as("a status cell for %s", username).isTrue();
		return status.group(1);
	}

	private ApiClient.Response requestToken(String username, String password) {
		return fixtures.api.post(null, "/api/v1/auth/token", Map.of("username", username, "password", password));
	}
}
