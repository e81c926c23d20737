package org.ketamineclinic.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.ketamineclinic.identity.Accounts;
import org.ketamineclinic.identity.ClinicId;
import org.ketamineclinic.identity.Role;
import org.ketamineclinic.security.WebSession;
import org.ketamineclinic.support.ApiClient;
import org.ketamineclinic.support.ClinicIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** A staff member enrols an authenticator app and from then on needs a fresh code at every sign-in. */
@ClinicIntegrationTest
class SecondFactorSignInTest {

	static final String PASSWORD = "a-long-enough-password";
	static final Pattern SECRET = Pattern.compile("id=\"totp-secret\">([A-Z2-7]+)<");

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void enrolledAccountsNeedAFreshCodeAtSignIn() {
		String username = "mfa-" + System.nanoTime();
		ClinicId clinic = new ClinicId(jdbc.queryForObject("SELECT id FROM clinic WHERE name = 'Demo Ketamine Clinic'",
				java.util.UUID.class));
		accounts.createAccount(clinic, new Accounts.NewAccount(username, "Mfa Tester", Role.THERAPIST, null, PASSWORD), "test");

		WebSession session = new WebSession(port).signIn(username, PASSWORD);
		HttpResponse<String> enrolPage = session.get("/settings/mfa");
		Matcher secret = SECRET.matcher(enrolPage.body());
		assertThat(secret.find()).as("the enrolment page shows the secret").isTrue();
		long step = Totp.stepAt(Instant.now());
		HttpResponse<String> enrolled = session.postForm("/settings/mfa",
				Map.of("code", Totp.codeAt(secret.group(1), step), "_csrf", session.csrfTokenOf("/settings/mfa")));
		assertThat(enrolled.statusCode()).isEqualTo(302);
		assertThat(jdbc.queryForObject("SELECT totp_secret FROM user_account WHERE username = ?", String.class, username))
			.isEqualTo(secret.group(1));

		WebSession withoutCode = new WebSession(port);
		HttpResponse<String> refused = withoutCode.postForm("/login", Map.of("username", username, "password", PASSWORD,
				"_csrf", withoutCode.csrfTokenOf("/login")));
		assertThat(refused.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));

		String nextCode = Totp.codeAt(secret.group(1), step + 1);
		WebSession withCode = new WebSession(port);
		HttpResponse<String> accepted = withCode.postForm("/login", Map.of("username", username, "password", PASSWORD,
				"totp", nextCode, "_csrf", withCode.csrfTokenOf("/login")));
		assertThat(accepted.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));

		// The same code a second time is a replay, whatever the channel.
		ApiClient api = new ApiClient(port);
		assertThat(api.post(null, "/api/v1/auth/token", Map.of("username", username, "password", PASSWORD, "totp", nextCode))
			.status()).isEqualTo(401);
		assertThat(api.post(null, "/api/v1/auth/token", Map.of("username", username, "password", PASSWORD)).status())
			.isEqualTo(401);
	}
}
