package ch.mspguard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL server of a test's own, standing in for the external database an operator
 * provides: a separate server process in {@code target/}, on its own port, that asks
 * every role but the superuser for its password, and that a test can stop and start
 * again. The roles and the database come from {@code db/init/roles.psql}, the file that
 * {@code db/init/01-roles.sh} hands to psql.
 */
public final class ExternalPostgres implements AutoCloseable {

	public static final String OWNER_PASSWORD = "owner-password-for-tests";

	public static final String APP_PASSWORD = "app-password-for-tests";

	private static final Path ROLES_SCRIPT = Path.of("db/init/roles.psql");

	private final Path directory;

	private final int port;

	private EmbeddedPostgres server;

	private ExternalPostgres(Path directory, int port) {
		this.directory = directory;
		this.port = port;
	}

	/**
	 * A new server with an empty data directory under {@code target/external-postgres}.
	 */
	public static ExternalPostgres start(String name) {
		try {
			Path directory = Path.of("target/external-postgres", name).toAbsolutePath();
			deleteRecursively(directory);
			ExternalPostgres postgres = new ExternalPostgres(directory, freePort());
			postgres.startServer();
			return postgres;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The roles and the database exactly as {@code db/init/01-roles.sh} creates them. */
	public ExternalPostgres withRolesAndDatabase() {
		runPsqlScript(ROLES_SCRIPT, Map.of("owner_password", OWNER_PASSWORD, "app_password", APP_PASSWORD));
		return this;
	}

	public String jdbcUrl() {
		return "jdbc:postgresql://localhost:" + this.port + "/hardening";
	}

	public int port() {
		return this.port;
	}

	/**
	 * The variables of README.md's "Using an external PostgreSQL", for this server.
	 */
	public Map<String, String> readmeVariables() {
		Map<String, String> variables = new LinkedHashMap<>();
		variables.put("SPRING_DATASOURCE_URL", jdbcUrl());
		variables.put("SPRING_DATASOURCE_USERNAME", "hardening_app");
		variables.put("SPRING_DATASOURCE_PASSWORD", APP_PASSWORD);
		variables.put("SPRING_FLYWAY_USER", "hardening_owner");
		variables.put("SPRING_FLYWAY_PASSWORD", OWNER_PASSWORD);
		variables.put("HARDENING_SECRET_KEY", "dGVzdC1rZXktb25seS1mb3ItdGVzdHMtMzItYnl0ZXMhIQ==");
		return variables;
	}

	/** Runs SQL as the superuser on the given database. */
	public void execute(String database, String... statements) {
		try (Connection connection = DriverManager
			.getConnection("jdbc:postgresql://localhost:" + this.port + "/" + database, "postgres", "");
				Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not run " + List.of(statements), ex);
		}
	}

	/** A connection as the given role with its password, as the application logs in. */
	public Connection connect(String user, String password) throws SQLException {
		return DriverManager.getConnection(jdbcUrl(), user, password);
	}

	/** Stops the server as an outage would; its data stays. */
	public void stop() {
		try {
			this.server.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Starts the stopped server again on the same port and data. */
	public void restart() {
		try {
			startServer();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		stop();
	}

	private void startServer() throws IOException {
		this.server = EmbeddedPostgres.builder()
			.setDataDirectory(this.directory)
			.setCleanDataDirectory(false)
			.setPort(this.port)
			.setPGStartupWait(Duration.ofSeconds(60))
			.setServerConfig("fsync", "off")
			.setServerConfig("synchronous_commit", "off")
			.setServerConfig("listen_addresses", "localhost")
			.setDataDirectoryCustomizer(ExternalPostgres::requirePasswords)
			.start();
	}

	/**
	 * The superuser (the test's administrator) without a password, everyone else with
	 * one, as on a real server: a wrong password must fail here as it would there.
	 */
	private static void requirePasswords(java.io.File dataDirectory) {
		try {
			Files.writeString(dataDirectory.toPath().resolve("pg_hba.conf"), """
					local all postgres trust
					host all postgres 127.0.0.1/32 trust
					host all postgres ::1/128 trust
					host all all 127.0.0.1/32 scram-sha-256
					host all all ::1/128 scram-sha-256
					""");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Runs a psql script the way {@code psql -v name=value -f file} does for the little
	 * that the roles script uses: {@code --} comments, statements ending with {@code ;}
	 * at the end of a line, {@code :'name'} variables as quoted literals and
	 * {@code \connect database}.
	 */
	private void runPsqlScript(Path script, Map<String, String> variables) {
		try {
			String database = "postgres";
			List<String> statements = new ArrayList<>();
			StringBuilder statement = new StringBuilder();
			for (String line : Files.readAllLines(script)) {
				String trimmed = line.strip();
				if (trimmed.isEmpty() || trimmed.startsWith("--")) {
					continue;
				}
				if (trimmed.startsWith("\\connect ")) {
					execute(database, statements.toArray(String[]::new));
					statements.clear();
					database = trimmed.substring("\\connect ".length()).strip();
					continue;
				}
				statement.append(substitute(trimmed, variables)).append('\n');
				if (trimmed.endsWith(";")) {
					statements.add(statement.toString());
					statement.setLength(0);
				}
			}
			if (!statement.toString().isBlank()) {
				throw new IllegalStateException("The script ends inside a statement: " + statement);
			}
			execute(database, statements.toArray(String[]::new));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String substitute(String line, Map<String, String> variables) {
		Matcher variable = Pattern.compile(":'([a-z_]+)'").matcher(line);
		StringBuilder result = new StringBuilder();
		while (variable.find()) {
			String value = variables.get(variable.group(1));
			if (value == null) {
				throw new IllegalStateException("No value for the psql variable " + variable.group(1));
			}
			variable.appendReplacement(result, Matcher.quoteReplacement("'" + value.replace("'", "''") + "'"));
		}
		variable.appendTail(result);
		return result.toString();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static void deleteRecursively(Path directory) throws IOException {
		if (!Files.exists(directory)) {
			return;
		}
		try (var paths = Files.walk(directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

}
