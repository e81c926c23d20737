package org.ketamineclinic.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ketamineclinic.identity.Role;
import org.ketamineclinic.support.ApiClient;

/** A token works until it is revoked or expires; only its hash is stored. */
class ApiTokenLifecycleTest extends SecurityTest {

	private static final String SEARCH = "/api/v1/patients?query=x";


	@Test
	void aTokenIsStoredOnlyAsItsHashAndExpiresAfterTwelveHours() {
		Instant issuedAround = Instant.now();
		ApiClient.Response issued = fixtures.api.post(null, "/api/v1/auth/token",
				Map.of("username", "nurse", "password", ApiClient.DEMO_PASSWORD));
		assertThat(issued.status()).isEqualTo(200);
		String token = issued.json().get("token").asString();
		Instant expiresAt = Instant.parse(issued.json().get("expiresAt").asString());

		assertThat(expiresAt).isBetween(issuedAround.plus(Duration.ofHours(12)).minusSeconds(60),
				issuedAround.plus(Duration.ofHours(12)).plusSeconds(60));
		assertThat(jdbc.queryForObject("SELECT count(*) FROM api_token WHERE token_hash = ?", Long.class,
				SecurityFixtures.sha256Hex(token))).isEqualTo(1);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM api_token WHERE token_hash = ?", Long.class, token)).isZero();
	}

	@Test
	void aRevokedTokenIsRefused() {
		String token = fixtures.api.token("nurse");
		assertThat(fixtures.api.get(token, SEARCH).status()).isEqualTo(200);

		assertThat(fixtures.api.delete(token, "/api/v1/auth/token").status()).isEqualTo(204);

		ApiClient.Response afterRevocation = fixtures.api.get(token, SEARCH);
		assertThat(afterRevocation.status()).isEqualTo(401);
		assertThat(afterRevocation.contentType()).startsWith("application/problem+json");
		assertThat(revokedAt(token)).isNotNull();
	}

	@Test
	void revokingOneTokenLeavesTheOwnersOtherTokensWorking() {
		String first = fixtures.api.token("nurse");
		String second = fixtures.api.token("nurse");

		assertThat(fixtures.api.delete(first, "/api/v1/auth/token").status()).isEqualTo(204);

		assertThat(fixtures.api.get(first, SEARCH).status()).isEqualTo(401);
		assertThat(fixtures.api.get(second, SEARCH).status()).isEqualTo(200);
	}

	@Test
	void anExpiredTokenIsRefused() {
		String token = fixtures.api.token("nurse");
		assertThat(fixtures.api.get(token, SEARCH).status()).isEqualTo(200);

		int expired = jdbc.update("UPDATE api_token SET expires_at = ? WHERE token_hash = ?",
				Timestamp.from(Instant.now().minusSeconds(1)), SecurityFixtures.sha256Hex(token));
		assertThat(expired).isEqualTo(1);

		ApiClient.Response afterExpiry = fixtures.api.get(token, SEARCH);
		assertThat(afterExpiry.status()).isEqualTo(401);
		assertThat(afterExpiry.contentType()).startsWith("application/problem+json");
	}

	@Test
	void aDisabledAccountsTokenIsRefused() {
		String username = fixtures.createAccount(fixtures.demoClinic(), "disabled", Role.NURSE, null);
		String token = fixtures.api.token(username, SecurityFixtures.PASSWORD);
		assertThat(fixtures.api.get(token, SEARCH).status()).isEqualTo(200);

		assertThat(jdbc.update("UPDATE user_account SET enabled = false WHERE username = ?", username)).isEqualTo(1);

		assertThat(fixtures.api.get(token, SEARCH).status()).isEqualTo(401);
	}

	@Test
	void aPersonRevokesTheirOwnTokenOnTheSettingsPage() {
		String username = fixtures.createAccount(fixtures.demoClinic(), "settings", Role.NURSE, null);
		String token = fixtures.api.token(username, SecurityFixtures.PASSWORD);
		assertThat(fixtures.api.get(token, SEARCH).status()).isEqualTo(200);
		WebSession browser = new WebSession(port).signIn(username, SecurityFixtures.PASSWORD);

		String csrf = browser.csrfTokenOf("/settings");
		HttpResponse<String> revoked = browser.postForm("/settings/tokens/" + tokenId(token) + "/revoke", Map.of("_csrf", csrf));

		assertThat(revoked.statusCode()).isEqualTo(302);
		assertThat(revoked.headers().firstValue("Location"))
			.hasValueSatisfying(location -> assertThat(URI.create(location).getPath()).isEqualTo("/settings"));
		assertThat(fixtures.api.get(token, SEARCH).status()).isEqualTo(401);
	}

	@Test
	void nobodyRevokesSomeoneElsesTokenOnTheSettingsPage() {
		String owner = fixtures.createAccount(fixtures.demoClinic(), "owner", Role.NURSE, null);
		String token = fixtures.api.token(owner, SecurityFixtures.PASSWORD);
		String intruder = fixtures.createAccount(fixtures.demoClinic(), "intruder", Role.NURSE, null);
		WebSession browser = new WebSession(port).signIn(intruder, SecurityFixtures.PASSWORD);

		String csrf = browser.csrfTokenOf("/settings");
		HttpResponse<String> refused = browser.postForm("/settings/tokens/" + tokenId(token) + "/revoke", Map.of("_csrf", csrf));

		assertThat(refused.statusCode()).isEqualTo(404);
		assertThat(revokedAt(token)).isNull();
		assertThat(fixtures.api.get(token, SEARCH).status()).isEqualTo(200);
	}

	private UUID tokenId(String token) {
		return jdbc.queryForObject("SELECT id FROM api_token WHERE token_hash = ?", UUID.class, SecurityFixtures.sha256Hex(token));
	}

	private Timestamp revokedAt(String token) {
		return jdbc.queryForObject("SELECT revoked_at FROM api_token WHERE token_hash = ?", Timestamp.class,
				SecurityFixtures.sha256Hex(token));
	}
}
