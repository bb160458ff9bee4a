package ch.mspguard.system;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Before Flyway migrates: can both roles log in, and is the application's role one that
 * row-level security holds? Each problem ends the start with one line that names the
 * setting ({@link MisconfigurationException}), not with a stack trace from deep inside
 * the first statement that happens to fail.
 */
class DatabaseSetupCheck implements FlywayMigrationStrategy {

	private static final String ROLES_SCRIPT = "db/init/01-roles.sh (see README.md, \"Using an external PostgreSQL\")";

	private final JdbcConnectionDetails application;

	private final String ownerUser;

	DatabaseSetupCheck(JdbcConnectionDetails application, String ownerUser) {
		this.application = application;
		this.ownerUser = ownerUser;
	}

	@Override
	public void migrate(Flyway flyway) {
		String owner = loggedInRole(flyway.getConfiguration().getDataSource(), "SPRING_FLYWAY_USER",
				"SPRING_FLYWAY_PASSWORD", this.ownerUser);
		// A connection of its own rather than one from the pool: a pool that cannot
		// start logs a stack trace of its own.
		DataSource application = DataSourceBuilder.create()
			.type(SimpleDriverDataSource.class)
			.url(this.application.getJdbcUrl())
			.username(this.application.getUsername())
			.password(this.application.getPassword())
			.build();
		try (Connection connection = connect(application, "SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD",
				this.application.getUsername())) {
			checkApplicationRole(connection, owner);
		}
		catch (SQLException ex) {
			throw new MisconfigurationException("Could not check the application's database role: " + ex.getMessage(),
					"Check that SPRING_DATASOURCE_USERNAME is the application role created by " + ROLES_SCRIPT + ".",
					ex);
		}
		flyway.migrate();
	}

	private String loggedInRole(DataSource dataSource, String userSetting, String passwordSetting, String user) {
		try (Connection connection = connect(dataSource, userSetting, passwordSetting, user);
				ResultSet role = connection.createStatement().executeQuery("SELECT current_user")) {
			role.next();
			return role.getString(1);
		}
		catch (SQLException ex) {
			throw new MisconfigurationException("Could not read the role of " + userSetting + ": " + ex.getMessage(),
					"Check " + userSetting + ".", ex);
		}
	}

	private Connection connect(DataSource dataSource, String userSetting, String passwordSetting, String user) {
		try {
			return dataSource.getConnection();
		}
		catch (SQLException | RuntimeException ex) {
			throw loginRefused(ex, userSetting, passwordSetting, user);
		}
	}

	/** Names the setting that is wrong, by PostgreSQL's SQLSTATE of the failed login. */
	private MisconfigurationException loginRefused(Exception failure, String userSetting, String passwordSetting,
			String user) {
		SQLException sql = sqlException(failure);
		String state = (sql != null && sql.getSQLState() != null) ? sql.getSQLState() : "";
		String reason = (sql != null) ? sql.getMessage() : failure.getMessage();
		String role = userSetting + " \"" + user + "\"";
		if (state.startsWith("08")) {
			return new MisconfigurationException(
					"The database in SPRING_DATASOURCE_URL (" + this.application.getJdbcUrl() + ") cannot be reached: "
							+ reason,
					"Check the host, port and database name in SPRING_DATASOURCE_URL, and that PostgreSQL is running "
							+ "and accepts TCP connections from this host.",
					failure);
		}
		if (state.equals("28P01")) {
			return new MisconfigurationException(
					"PostgreSQL refused the password of " + role + " (wrong " + passwordSetting + ", or no such role): "
							+ reason,
					"Set " + passwordSetting + " to the password of " + user + ", or create the roles with "
							+ ROLES_SCRIPT + ".",
					failure);
		}
		if (state.equals("28000")) {
			return new MisconfigurationException("PostgreSQL refused the login of " + role + ": " + reason,
					"Create the roles with " + ROLES_SCRIPT
							+ ", and allow them to log in from this host in pg_hba.conf.",
					failure);
		}
		if (state.equals("3D000")) {
			return new MisconfigurationException(
					"The database named in SPRING_DATASOURCE_URL (" + this.application.getJdbcUrl()
							+ ") does not exist: " + reason,
					"Create it with " + ROLES_SCRIPT + ", or correct the database name in SPRING_DATASOURCE_URL.",
					failure);
		}
		if (state.equals("42501")) {
			return new MisconfigurationException(
					role + " may not connect to the database in SPRING_DATASOURCE_URL: " + reason,
					"Grant it CONNECT on the database, as " + ROLES_SCRIPT + " does.", failure);
		}
		return new MisconfigurationException(
				"Could not log in to " + this.application.getJdbcUrl() + " as " + role + ": " + reason,
				"Check SPRING_DATASOURCE_URL, " + userSetting + " and " + passwordSetting + ".", failure);
	}

	private static SQLException sqlException(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && sql.getSQLState() != null) {
				return sql;
			}
		}
		return null;
	}

	private static void checkApplicationRole(Connection connection, String owner) throws SQLException {
		try (ResultSet role = connection.createStatement().executeQuery("""
				SELECT r.rolname, r.rolsuper, r.rolbypassrls,
				       (SELECT string_agg(n.nspname || '.' || c.relname, ', ' ORDER BY n.nspname, c.relname)
				        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
				        WHERE c.relowner = r.oid AND n.nspname NOT LIKE 'pg\\_%'
				          AND n.nspname <> 'information_schema') AS owned
				FROM pg_roles r WHERE r.rolname = current_user""")) {
			role.next();
			String name = role.getString("rolname");
			String setting = "SPRING_DATASOURCE_USERNAME \"" + name + "\"";
			if (role.getBoolean("rolsuper")) {
				throw new MisconfigurationException(
						setting + " is a superuser, which row-level security does not hold: every user would see "
								+ "every tenant",
						"Connect as the application role that " + ROLES_SCRIPT + " creates (hardening_app), or run "
								+ "ALTER ROLE " + name + " NOSUPERUSER.");
			}
			if (role.getBoolean("rolbypassrls")) {
				throw new MisconfigurationException(
						setting + " has BYPASSRLS, so row-level security does not hold it: every user would see "
								+ "every tenant",
						"Run ALTER ROLE " + name + " NOBYPASSRLS, or connect as the application role that "
								+ ROLES_SCRIPT + " creates (hardening_app).");
			}
			if (name.equals(owner)) {
				throw new MisconfigurationException(
						"SPRING_DATASOURCE_USERNAME and SPRING_FLYWAY_USER name the same role \"" + name
								+ "\": the application's role would own the tables and could switch row-level "
								+ "security off",
						"Connect as the application role (SPRING_DATASOURCE_USERNAME=hardening_app) and migrate as "
								+ "the owner (SPRING_FLYWAY_USER=hardening_owner), both created by " + ROLES_SCRIPT
								+ ".");
			}
			if (role.getString("owned") != null) {
				throw new MisconfigurationException(
						setting + " owns database objects (" + role.getString("owned")
								+ "); an owner can switch row-level security off",
						"Give them to the owner role (REASSIGN OWNED BY " + name + " TO " + owner
								+ ") and let the application's role own nothing.");
			}
		}
		checkKindRoles(connection);
	}

	/** The roles each transaction switches to: present, granted, but not inherited. */
	private static void checkKindRoles(Connection connection) throws SQLException {
		List<String> missing = new ArrayList<>();
		List<String> notGranted = new ArrayList<>();
		List<String> inherited = new ArrayList<>();
		String user;
		try (PreparedStatement statement = connection.prepareStatement("""
				SELECT k, current_user, to_regrole(k) IS NOT NULL AS present,
				       to_regrole(k) IS NOT NULL AND pg_has_role(current_user, k, 'MEMBER') AS member,
				       to_regrole(k) IS NOT NULL AND pg_has_role(current_user, k, 'USAGE') AS inherits
				FROM unnest(?::text[]) AS k ORDER BY k""")) {
			Array kinds = connection.createArrayOf("text", EmbeddedDatabase.KIND_ROLES.toArray());
			statement.setArray(1, kinds);
			try (ResultSet rows = statement.executeQuery()) {
				user = null;
				while (rows.next()) {
					user = rows.getString(2);
					String kind = rows.getString(1);
					if (!rows.getBoolean("present")) {
						missing.add(kind);
					}
					else if (!rows.getBoolean("member")) {
						notGranted.add(kind);
					}
					else if (rows.getBoolean("inherits")) {
						inherited.add(kind);
					}
				}
			}
		}
		if (!missing.isEmpty()) {
			throw new MisconfigurationException(
					"The database server lacks the role(s) " + String.join(", ", missing)
							+ " that the application switches to in each transaction",
					"Create them as db/init/roles.psql does (CREATE ROLE " + missing.get(0) + " NOLOGIN; GRANT "
							+ missing.get(0) + " TO " + user + "), then restart.");
		}
		if (!notGranted.isEmpty()) {
			throw new MisconfigurationException(
					"SPRING_DATASOURCE_USERNAME \"" + user + "\" may not switch to the role(s) "
							+ String.join(", ", notGranted),
					"Run GRANT " + String.join(", ", notGranted) + " TO " + user + ", as db/init/roles.psql does.");
		}
		if (!inherited.isEmpty()) {
			throw new MisconfigurationException(
					"SPRING_DATASOURCE_USERNAME \"" + user + "\" inherits the rights of " + String.join(", ", inherited)
							+ ", so work outside a transaction would not fail closed",
					"Run ALTER ROLE " + user + " NOINHERIT (on PostgreSQL 16 and later also GRANT ... TO " + user
							+ " WITH INHERIT FALSE), as db/init/roles.psql does.");
		}
	}

}
