package ch.mspguard.system;

import org.springframework.boot.flyway.autoconfigure.FlywayConnectionDetails;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Flyway's own connection: the application's database ({@code spring.datasource.url},
 * unless {@code spring.flyway.url} names another) as the owner role
 * ({@code spring.flyway.user}). Without it Spring Boot derives Flyway's connection from
 * the application's data source, which fails on the {@link ActingRoleDataSource} that
 * wraps it ("Unable to find suitable method for url").
 */
final class FlywayOwnerConnection implements FlywayConnectionDetails {

	private final String url;

	private final String user;

	private final String password;

	private FlywayOwnerConnection(String url, String user, String password) {
		this.url = url;
		this.user = user;
		this.password = password;
	}

	static FlywayOwnerConnection of(Environment environment, JdbcConnectionDetails database) {
		String url = environment.getProperty("spring.flyway.url");
		return new FlywayOwnerConnection(StringUtils.hasText(url) ? url : database.getJdbcUrl(),
				environment.getProperty("spring.flyway.user"), environment.getProperty("spring.flyway.password"));
	}

	@Override
	public String getJdbcUrl() {
		return this.url;
	}

	@Override
	public String getUsername() {
		if (!StringUtils.hasText(this.user)) {
			// The application's role owns nothing and may not create tables: migrating as
			// it would fail on the first statement, or (worse) succeed as a superuser.
			throw new MisconfigurationException(
					"SPRING_FLYWAY_USER is not set: the migrations need the owner role of the database",
					"Set SPRING_FLYWAY_USER and SPRING_FLYWAY_PASSWORD to the owner role that db/init/01-roles.sh "
							+ "creates (hardening_owner); see README.md, \"Using an external PostgreSQL\".");
		}
		return this.user;
	}

	@Override
	public String getPassword() {
		return this.password;
	}

}
