package ch.mspguard.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL started from the application, its data kept in a directory so it
 * survives a restart. Prepares the roles the application expects: the owner that Flyway
 * migrates as, the login role the application connects as (it owns nothing), and the
 * per-kind roles the application switches to in each transaction.
 */
final class EmbeddedDatabase {

	static final String DATABASE = "hardening";

	static final String OWNER_ROLE = "hardening_owner";

	static final String APP_ROLE = "hardening_app";

	static final List<String> KIND_ROLES = List.of("hardening_operator", "hardening_auditor", "hardening_tenant_admin",
			"hardening_system");

	private static EmbeddedDatabase running;

	private final EmbeddedPostgres postgres;

	private final Path directory;

	private EmbeddedDatabase(EmbeddedPostgres postgres, Path directory) {
		this.postgres = postgres;
		this.directory = directory;
	}

	/** Starts the database once per JVM; later calls return the running one. */
	static synchronized EmbeddedDatabase start(Path directory, int port, boolean clean, boolean durable) {
		if (running != null) {
			return running;
		}
		try {
			Files.createDirectories(directory);
			if (clean) {
				deleteRecursively(directory);
			}
			stopOrphanedServer(directory);
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
				.setDataDirectory(directory)
				.setCleanDataDirectory(false)
				.setPGStartupWait(Duration.ofSeconds(60))
				.setServerConfig("fsync", durable ? "on" : "off")
				.setServerConfig("synchronous_commit", durable ? "on" : "off")
				.setServerConfig("listen_addresses", "localhost");
			if (port > 0) {
				builder.setPort(port);
			}
			running = new EmbeddedDatabase(builder.start(), directory);
			running.prepareRolesAndDatabase();
			return running;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + directory, ex);
		}
	}

	String jdbcUrl() {
		return "jdbc:postgresql://localhost:" + this.postgres.getPort() + "/" + DATABASE;
	}

	int port() {
		return this.postgres.getPort();
	}

	Path directory() {
		return this.directory;
	}

	private void prepareRolesAndDatabase() {
		DataSource admin = this.postgres.getPostgresDatabase();
		execute(admin, createRoleIfMissing(OWNER_ROLE, "LOGIN"));
		execute(admin, createRoleIfMissing(APP_ROLE, "LOGIN NOINHERIT"));
		for (String role : KIND_ROLES) {
			execute(admin, createRoleIfMissing(role, "NOLOGIN"));
			execute(admin, "GRANT " + role + " TO " + APP_ROLE);
		}
		if (!databaseExists(admin)) {
			execute(admin, "CREATE DATABASE " + DATABASE + " OWNER " + OWNER_ROLE + " ENCODING 'UTF8'");
			execute(admin, "REVOKE ALL ON DATABASE " + DATABASE + " FROM PUBLIC");
			execute(admin, "GRANT CONNECT ON DATABASE " + DATABASE + " TO " + APP_ROLE);
			execute(this.postgres.getDatabase("postgres", DATABASE), "ALTER SCHEMA public OWNER TO " + OWNER_ROLE);
		}
	}

	private static String createRoleIfMissing(String role, String options) {
		return "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + role + "') THEN CREATE ROLE "
				+ role + " " + options + "; END IF; END $$";
	}

	private static boolean databaseExists(DataSource admin) {
		try (Connection connection = admin.getConnection();
				var statement = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
			statement.setString(1, DATABASE);
			return statement.executeQuery().next();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not inspect the embedded PostgreSQL", ex);
		}
	}

	private static void execute(DataSource dataSource, String sql) {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not prepare the embedded PostgreSQL: " + sql, ex);
		}
	}

	/**
	 * A server left running by a JVM that was killed still holds the data directory; stop
	 * it so that this start does not fail on the lock.
	 */
	private static void stopOrphanedServer(Path directory) throws IOException {
		Path pidFile = directory.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		Optional<ProcessHandle> server = Files.readAllLines(pidFile)
			.stream()
			.findFirst()
			.filter((line) -> line.strip().matches("[0-9]+"))
			.flatMap((pid) -> ProcessHandle.of(Long.parseLong(pid.strip())))
			.filter((process) -> process.info().command().map((c) -> c.contains("postgres")).orElse(false));
		server.ifPresent((process) -> {
			process.destroy();
			process.onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
		});
	}

	private static void deleteRecursively(Path directory) throws IOException {
		if (!Files.exists(directory)) {
			return;
		}
		try (var paths = Files.walk(directory)) {
			for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
		Files.createDirectories(directory);
	}

}
