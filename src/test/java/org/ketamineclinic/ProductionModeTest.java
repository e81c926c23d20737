package org.ketamineclinic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ketamineclinic.support.ApiClient;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The prod profile: an external PostgreSQL (here a separately started server standing in for
 * it), no demo data, the first administrator from the environment, and a refusal to start with
 * anything meant for the demo.
 */
class ProductionModeTest {

	static EmbeddedPostgres external;

	@BeforeAll
	static void startExternalDatabase(@TempDir Path dir) throws Exception {
		external = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pg")).setCleanDataDirectory(true).start();
	}

	@AfterAll
	static void stopExternalDatabase() throws Exception {
		external.close();
	}

	/** Command-line arguments, as an operator would pass them, outrank application-prod.properties. */
	static ConfigurableApplicationContext startProd(Map<String, Object> properties) {
		String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
		return new SpringApplicationBuilder(KetamineClinicApplication.class).profiles("prod").run(args);
	}

	static Map<String, Object> externalDatabase(String adminPassword) {
		return Map.of("spring.datasource.url", external.getJdbcUrl("postgres", "postgres"),
				"spring.datasource.username", "postgres", "spring.datasource.password", "", "server.port", "0",
				"clinic.bootstrap.admin-username", "chief", "clinic.bootstrap.admin-password", adminPassword);
	}

	@Test
	void refusesToStartOnTheEmbeddedDatabase() {
		assertThatThrownBy(() -> startProd(Map.of("server.port", "0")).close())
			.hasStackTraceContaining("Refusing to start under the prod profile on the embedded database");
	}

	@Test
	void refusesTheDemoPassword() {
		assertThatThrownBy(() -> startProd(externalDatabase(ApiClient.DEMO_PASSWORD)).close())
			.hasStackTraceContaining("the demo password is configured");
	}

	@Test
	void startsOnAnExternalDatabaseWithOnlyTheFirstAdministrator() {
		try (ConfigurableApplicationContext app = startProd(externalDatabase("a-long-production-secret"))) {
			JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
			assertThat(jdbc.queryForList("SELECT username FROM user_account", String.class)).containsExactly("chief");
			assertThat(jdbc.queryForObject("SELECT count(*) FROM patient", Integer.class)).isZero();
			int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
			// ADMIN must enrol a second factor before getting API tokens under prod.
			ApiClient.Response token = new ApiClient(port).post(null, "/api/v1/auth/token",
					Map.of("username", "chief", "password", "a-long-production-secret"));
			assertThat(token.status()).isEqualTo(403);
			assertThat(token.body()).contains("multi-factor");
		}
	}
}
