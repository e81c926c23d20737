package org.ketamineclinic.identity.internal;

import java.util.ArrayList;
import java.util.List;

import org.ketamineclinic.identity.Role;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Under the prod profile the application refuses to start with anything meant for the demo: the
 * embedded database, demo data or the demo password, or a second factor made optional for the
 * roles that must have one.
 */
@Component
@Profile("prod")
class ProductionSafety implements InitializingBean {

	static final String DEMO_PASSWORD = "ketamine-demo";

	private final Environment environment;
	private final SecuritySettings settings;

	ProductionSafety(Environment environment, SecuritySettings settings) {
		this.environment = environment;
		this.settings = settings;
	}

	@Override
	public void afterPropertiesSet() {
		List<String> refusals = new ArrayList<>();
		if (environment.getProperty("spring.datasource.url", "").isBlank()) {
			refusals.add("no SPRING_DATASOURCE_URL: production needs an external PostgreSQL, not the embedded one");
		}
		if (environment.getProperty("clinic.demo.enabled", Boolean.class, false)) {
			refusals.add("clinic.demo.enabled is true: no demo data in production");
		}
		String adminPassword = environment.getProperty("clinic.bootstrap.admin-password", "");
		if (DEMO_PASSWORD.equals(adminPassword) || DEMO_PASSWORD.equals(environment.getProperty("clinic.demo.password"))
				&& environment.getProperty("clinic.demo.enabled", Boolean.class, false)) {
			refusals.add("the demo password is configured");
		}
		if (!adminPassword.isEmpty() && adminPassword.length() < settings.minPasswordLength()) {
			refusals.add("CLINIC_ADMIN_PASSWORD is shorter than " + settings.minPasswordLength() + " characters");
		}
		if (!settings.mfaRequiredFor(Role.ADMIN) || !settings.mfaRequiredFor(Role.PHYSICIAN)) {
			refusals.add("multi-factor sign-in must be required for ADMIN and PHYSICIAN (clinic.security.mfa-required-roles)");
		}
		if (!refusals.isEmpty()) {
			throw new IllegalStateException("Refusing to start under the prod profile: " + String.join("; ", refusals));
		}
	}
}
