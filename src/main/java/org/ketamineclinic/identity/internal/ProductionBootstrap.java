package org.ketamineclinic.identity.internal;

import org.ketamineclinic.identity.Accounts;
import org.ketamineclinic.identity.ClinicId;
import org.ketamineclinic.identity.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** The first administrator of a production installation, from CLINIC_ADMIN_USERNAME and CLINIC_ADMIN_PASSWORD. */
@Component
@Profile("prod")
class ProductionBootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(ProductionBootstrap.class);

	private final Accounts accounts;
	private final Environment environment;

	ProductionBootstrap(Accounts accounts, Environment environment) {
		this.accounts = accounts;
		this.environment = environment;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (accounts.anyAccountExists()) {
			return;
		}
		String username = environment.getProperty("clinic.bootstrap.admin-username", "");
		String password = environment.getProperty("clinic.bootstrap.admin-password", "");
		if (username.isBlank() || password.isBlank()) {
			throw new IllegalStateException(
					"No accounts yet: set CLINIC_ADMIN_USERNAME and CLINIC_ADMIN_PASSWORD for the first administrator");
		}
		ClinicId clinic = accounts.createClinic(environment.getProperty("clinic.bootstrap.clinic-name", "Clinic"));
		accounts.createAccount(clinic, new Accounts.NewAccount(username, "Administrator", Role.ADMIN, null, password), "bootstrap");
		log.info("Created the first administrator account");
	}
}
