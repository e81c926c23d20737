package org.ketamineclinic.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts Debian's Chromium for the browser tests; Playwright never downloads a browser here.
 * Without Chromium the tests are skipped on a workstation (reported as skipped, with the reason),
 * but fail where they are required ({@code -Dbrowser.tests.required=true} or {@code CI=true}), so
 * CI cannot go green by skipping them. As an extension it skips before the application starts.
 */
public final class Browsers implements ExecutionCondition {

	static final String DEFAULT_CHROMIUM = "/usr/bin/chromium";

	private static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
			"--disable-background-networking", "--disable-component-update", "--disable-sync");

	Browsers() {
	}

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (Files.isExecutable(chromium()) || required()) {
			// When required, a missing Chromium is left to fail in chromiumOrSkip().
			return ConditionEvaluationResult.enabled("Chromium at " + chromium());
		}
		return ConditionEvaluationResult.disabled(missingMessage());
	}

	/** Chromium from the system property or environment variable CHROMIUM_PATH, else Debian's. */
	public static Path chromium() {
		String configured = System.getProperty("CHROMIUM_PATH");
		if (configured == null || configured.isBlank()) {
			configured = System.getenv("CHROMIUM_PATH");
		}
		return Paths.get(configured == null || configured.isBlank() ? DEFAULT_CHROMIUM : configured.strip());
	}

	public static boolean required() {
		return Boolean.parseBoolean(System.getProperty("browser.tests.required"))
				|| Boolean.parseBoolean(System.getenv("CI"));
	}

	/** Skips (workstation) or fails (CI) the calling test class when there is no Chromium to drive. */
	public static Path chromiumOrSkip() {
		Path chromium = chromium();
		if (Files.isExecutable(chromium)) {
			return chromium;
		}
		if (required()) {
			Assertions.fail("No Chromium at " + chromium + " for the browser tests, and they are required here "
					+ "(-Dbrowser.tests.required=true or CI=true): install Debian's chromium: apt-get install chromium, "
					+ "or point CHROMIUM_PATH at a Chromium binary");
		}
		Assumptions.abort(missingMessage());
		return chromium;
	}

	static String missingMessage() {
		return "Browser tests skipped: no Chromium at " + chromium() + " (or at the path in CHROMIUM_PATH). To run them, "
				+ "install Debian's chromium: apt-get install chromium, or set CI=true to make them mandatory "
				+ "(then a missing Chromium fails the build)";
	}

	public static Playwright playwright() {
		return Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
	}

	public static Browser launch(Playwright playwright, Path chromium) {
		return playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(chromium).setHeadless(true).setArgs(ARGS));
	}
}
