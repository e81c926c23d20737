package org.ketamineclinic.platform;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Starts a real PostgreSQL when no external database is configured, so that the demo clinic runs
 * with one command and the tests run against the same database engine as production.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

	@ConfigurationProperties("clinic.database.embedded")
	record EmbeddedDatabaseSettings(Path dataDir, boolean cleanOnStart) {
		EmbeddedDatabaseSettings {
			if (dataDir == null) {
				dataDir = Path.of("data", "postgres");
			}
		}
	}

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseSettings settings, Environment environment) throws IOException {
		if (environment.acceptsProfiles(Profiles.of("prod"))) {
			// Checked here, before anything starts, so production never runs on a throwaway database.
			throw new IllegalStateException("Refusing to start under the prod profile on the embedded database: "
					+ "set SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD");
		}
		Path dataDir = settings.dataDir().toAbsolutePath();
		Files.createDirectories(dataDir);
		int port = freePort();
		log.info("Starting embedded PostgreSQL on port {} with data in {}", port, dataDir);
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
		if (!settings.cleanOnStart()) {
			// The library tunes for throwaway test databases (fsync and synchronous commit off); data
			// kept between runs must survive a crash, so both go back on.
			builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
		}
		return builder
			.setDataDirectory(dataDir)
			.setCleanDataDirectory(settings.cleanOnStart())
			.setPort(port)
			.setPGStartupWait(Duration.ofSeconds(60))
			// Spring's own shutdown hook closes the context and with it this server; a second hook
			// racing it would hold up the JVM's exit.
			.setRegisterShutdownHook(false)
			.start();
	}

	@Bean(destroyMethod = "close")
	DataSource dataSource(EmbeddedPostgres postgres) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
		dataSource.setUsername("postgres");
		dataSource.setMaximumPoolSize(20);
		dataSource.setPoolName("embedded");
		return dataSource;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
	}
}
