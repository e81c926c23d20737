package org.ketamineclinic.security;

import org.junit.jupiter.api.BeforeEach;
import org.ketamineclinic.identity.Accounts;
import org.ketamineclinic.support.ClinicIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** What every security test needs: the running application, its database, and fresh fixtures. */
@ClinicIntegrationTest
abstract class SecurityTest {

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcTemplate jdbc;

	SecurityFixtures fixtures;

	@BeforeEach
	void fixtures() {
		fixtures = new SecurityFixtures(port, accounts, jdbc);
	}
}
