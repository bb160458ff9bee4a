package ch.mspguard.system;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.apache.commons.logging.Log;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Starts the embedded PostgreSQL when no external database is configured, before any data
 * source exists, and points the data source (application role) at it and Flyway at the
 * owner role: Flyway takes the data source's URL, as with an external database
 * ({@link FlywayOwnerConnection}). With {@code SPRING_DATASOURCE_URL} set nothing
 * embedded starts.
 */
class EmbeddedDatabaseEnvironmentPostProcessor implements EnvironmentPostProcessor {

	private final Log log;

	EmbeddedDatabaseEnvironmentPostProcessor(DeferredLogFactory logFactory) {
		this.log = logFactory.getLog(EmbeddedDatabaseEnvironmentPostProcessor.class);
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (StringUtils.hasText(environment.getProperty("spring.datasource.url"))
				|| !environment.getProperty("hardening.embedded-database.enabled", Boolean.class, true)) {
			return;
		}
		String dataDirectory = environment.getProperty("hardening.data-directory", "./data");
		Path directory = Path
			.of(environment.getProperty("hardening.embedded-database.directory", dataDirectory + "/postgres"))
			.toAbsolutePath()
			.normalize();
		EmbeddedDatabase database = EmbeddedDatabase.start(directory,
				environment.getProperty("hardening.embedded-database.port", Integer.class, 0),
				environment.getProperty("hardening.embedded-database.clean", Boolean.class, false),
				environment.getProperty("hardening.embedded-database.durable", Boolean.class, true));
		Map<String, Object> properties = new HashMap<>();
		properties.put("spring.datasource.url", database.jdbcUrl());
		properties.put("spring.datasource.username", EmbeddedDatabase.APP_ROLE);
		properties.put("spring.flyway.user", EmbeddedDatabase.OWNER_ROLE);
		environment.getPropertySources().addFirst(new MapPropertySource("embeddedDatabase", properties));
		this.log.info("Embedded PostgreSQL is running on port " + database.port() + "; its data lives in "
				+ database.directory() + " and survives restarts. To use an external PostgreSQL instead, set "
				+ "SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD (application role) "
				+ "and SPRING_FLYWAY_USER and SPRING_FLYWAY_PASSWORD (owner role); see README.md.");
	}

}
