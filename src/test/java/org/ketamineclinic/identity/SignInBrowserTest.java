package org.ketamineclinic.identity;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.ketamineclinic.support.BrowserTest;
import org.ketamineclinic.support.ClinicIntegrationTest;

/** Signing in: the login wall, and the lockout after repeated wrong passwords on an account made in the admin page. */
@ClinicIntegrationTest
class SignInBrowserTest extends BrowserTest {

	private static final Pattern LOGIN_FAILED = Pattern.compile(".*/login\\?error$");

	@Test
	void unauthenticatedVisitToPatientsIsSentToTheLoginPage() {
		page.navigate("/patients");
		assertThat(page).hasURL(Pattern.compile(".*/login$"));
		assertThat(page.locator("h1")).hasText("Sign in");
		assertThat(page.getByLabel("Username")).isVisible();
		screenshot(page, "login");
	}

	@Test
	void fiveWrongPasswordsLockAFreshAccountSoTheRightPasswordNoLongerWorks() {
		String username = "lock-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
		String password = "correct-horse-battery";

		signIn("admin");
		page.navigate("/admin/users");
		page.locator("#u-username").fill(username);
		page.locator("#u-name").fill("Lockout Test Nurse");
		page.locator("#u-role").selectOption("NURSE");
		page.locator("#u-password").fill(password);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account")).click();
		assertThat(page.locator(".notice")).hasText("Account " + username + " created.");
		Locator row = page.locator("tr[data-username='" + username + "']");
		assertThat(row.locator("td").nth(3)).hasText("active");

		// The account works before the lockout, so the last refusal below can only be the lock.
		Page person = newPage(new Browser.NewContextOptions());
		signIn(person, username, password);
		assertThat(person.locator("h1")).containsText("Today");
		person.context().clearCookies();

		for (int attempt = 1; attempt <= 5; attempt++) {
			submitLogin(person, username, "wrong-password-" + attempt);
			assertThat(person).hasURL(LOGIN_FAILED);
			assertThat(person.getByRole(AriaRole.ALERT)).containsText("Sign-in failed");
		}
		submitLogin(person, username, password);
		assertThat(person).hasURL(LOGIN_FAILED);
		assertThat(person.getByRole(AriaRole.ALERT)).containsText("locked");
		screenshot(person, "login-refused");

		page.reload();
		assertThat(row.locator("td").nth(3)).hasText("locked");
		screenshot(page, "admin-users");
	}
}
