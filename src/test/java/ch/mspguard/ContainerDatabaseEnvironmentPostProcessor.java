package ch.mspguard;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * With {@code HARDENING_TEST_DATABASE=container} the tests run against PostgreSQL in a
 * container (Testcontainers; image {@code POSTGRES_IMAGE}, default {@code postgres:17})
 * instead of the embedded one, prepared by the same {@code db/init/01-roles.sh} as the
 * Compose deployment. Without the setting nothing changes, and no Docker is needed.
 * <p>
 * Not {@code @ServiceConnection}: a service connection gives Flyway and the application
 * the container's one account, a superuser, which bypasses row-level security; here
 * Flyway migrates as the owner and the application logs in as {@code hardening_app}, as
 * in production. One container per test JVM, before the embedded database would start.
 */
class ContainerDatabaseEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	private static final String OWNER_PASSWORD = UUID.randomUUID().toString();

	private static final String APP_PASSWORD = UUID.randomUUID().toString();

	private static PostgreSQLContainer container;

	@Override
	public int getOrder() {
		// After the configuration files are read, before the embedded database starts.
		return Ordered.HIGHEST_PRECEDENCE + 20;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!"container".equals(environment.getProperty("hardening.test.database",
				environment.getProperty("HARDENING_TEST_DATABASE", "embedded")))) {
			return;
		}
		String url = start(environment.getProperty("POSTGRES_IMAGE", "postgres:17"));
		Map<String, Object> properties = new HashMap<>();
		properties.put("spring.datasource.url", url);
		properties.put("spring.datasource.username", "hardening_app");
		properties.put("spring.datasource.password", APP_PASSWORD);
		properties.put("spring.flyway.url", url);
		properties.put("spring.flyway.user", "hardening_owner");
		properties.put("spring.flyway.password", OWNER_PASSWORD);
		environment.getPropertySources().addFirst(new MapPropertySource("containerDatabase", properties));
	}

	private static synchronized String start(String image) {
		if (container == null) {
			PostgreSQLContainer postgres = new PostgreSQLContainer(
					DockerImageName.parse(image).asCompatibleSubstituteFor("postgres"))
				.withEnv("HARDENING_OWNER_PASSWORD", OWNER_PASSWORD)
				.withEnv("HARDENING_APP_PASSWORD", APP_PASSWORD)
				.withCopyFileToContainer(MountableFile.forHostPath("db/init/01-roles.sh", 0755),
						"/docker-entrypoint-initdb.d/01-roles.sh")
				// the SQL the script runs; the entrypoint itself runs only *.sh and *.sql
				.withCopyFileToContainer(MountableFile.forHostPath("db/init/roles.psql", 0644),
						"/docker-entrypoint-initdb.d/roles.psql");
			postgres.start();
			Runtime.getRuntime().addShutdownHook(new Thread(postgres::stop));
			container = postgres;
		}
		return "jdbc:postgresql://" + container.getHost() + ":" + container.getMappedPort(5432) + "/hardening";
	}

}
