package org.ketamineclinic.support;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base for browser journeys against the running application: one Chromium per test class, a
 * fresh context (cookies, storage) per test so no session leaks between tests. Subclasses carry
 * {@link ClinicIntegrationTest} so they share the application context with the other
 * integration tests.
 */
@ExtendWith(Browsers.class)
public abstract class BrowserTest {

	private static Playwright playwright;
	private static Browser browser;

	@LocalServerPort
	protected int port;

	protected BrowserContext context;
	protected Page page;
	private final List<BrowserContext> extraContexts = new ArrayList<>();

	@BeforeAll
	static void startBrowser() {
		Path chromium = Browsers.chromiumOrSkip();
		PlaywrightAssertions.setDefaultAssertionTimeout(10_000);
		playwright = Browsers.playwright();
		browser = Browsers.launch(playwright, chromium);
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.close();
			browser = null;
		}
		if (playwright != null) {
			playwright.close();
			playwright = null;
		}
	}

	@BeforeEach
	void openContext() {
		context = browser.newContext(contextOptions().setBaseURL(baseUrl()));
		context.setDefaultTimeout(15_000);
		page = context.newPage();
	}

	@AfterEach
	void closeContext() {
		extraContexts.forEach(BrowserContext::close);
		extraContexts.clear();
		if (context != null) {
			context.close();
		}
	}

	/** Override to change the viewport or locale of every test in a class. */
	protected Browser.NewContextOptions contextOptions() {
		return new Browser.NewContextOptions().setViewportSize(1280, 900);
	}

	protected String baseUrl() {
		return "http://localhost:" + port;
	}

	/** A context of its own, e.g. for a phone-sized viewport; closed with the test's context. */
	protected Page newPage(Browser.NewContextOptions options) {
		BrowserContext extra = browser.newContext(options.setBaseURL(baseUrl()));
		extra.setDefaultTimeout(15_000);
		extraContexts.add(extra);
		return extra.newPage();
	}

	/** Fills and submits a fresh login form; the caller asserts where that leads. */
	protected static void submitLogin(Page page, String username, String password) {
		page.navigate("/login");
		page.getByLabel("Username").fill(username);
		page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(password);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
	}

	/** Signs in through the login form and waits until the app has left the login page. */
	protected static void signIn(Page page, String username, String password) {
		submitLogin(page, username, password);
		assertThat(page).not().hasURL(Pattern.compile("/login"));
	}

	protected void signIn(String username) {
		signIn(page, username, ApiClient.DEMO_PASSWORD);
	}

	/** Cards whose content sticks out sideways (long names, emails, labels), as "heading: overflow px". */
	@SuppressWarnings("unchecked")
	protected static List<String> overflowingCards(Page page) {
		return (List<String>) page.evaluate("""
				Array.from(document.querySelectorAll('.card, .patient-banner'))
				  .filter(card => card.scrollWidth > card.clientWidth + 1)
				  .map(card => (card.querySelector('h1, h2') || card).textContent.trim() + ': '
				    + (card.scrollWidth - card.clientWidth) + ' px')""");
	}

	/** Screenshots go under target/screenshots/ for a person to look at; they are not committed. */
	protected static Path screenshot(Page page, String name) {
		Path file = Paths.get("target", "screenshots", name + ".png");
		page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
		return file;
	}
}
