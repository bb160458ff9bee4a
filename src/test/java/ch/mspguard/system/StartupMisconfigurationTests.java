package ch.mspguard.system;

import java.util.LinkedHashMap;
import java.util.Map;

import ch.mspguard.ExternalPostgres;
import ch.mspguard.StartWithEnvironment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * A start with a wrong setting ends with Spring Boot's failure report: one line that
 * names the setting and what is wrong, and what to do, instead of a stack trace. Each
 * test starts the application as {@code java -jar} would, with README.md's variables for
 * a PostgreSQL server of the test's own, and one thing wrong.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class StartupMisconfigurationTests {

	ExternalPostgres database;

	@BeforeAll
	void startTheDatabase() {
		this.database = ExternalPostgres.start("misconfigured-starts").withRolesAndDatabase();
	}

	@AfterAll
	void stopTheDatabase() {
		this.database.close();
	}

	@Test
	void aSecretKeyThatIsNotBase64(CapturedOutput output) {
		assertStartFails(with("HARDENING_SECRET_KEY", "not base64!"), output, "HARDENING_SECRET_KEY is not base64",
				"openssl rand -base64 32");
	}

	@Test
	void aSecretKeyShorterThan32Bytes(CapturedOutput output) {
		assertStartFails(with("HARDENING_SECRET_KEY", "c2hvcnQ="), output,
				"HARDENING_SECRET_KEY decodes to 5 bytes; the key needs at least 32", "openssl rand -base64 32");
	}

	@Test
	void anAdminPasswordThePolicyRefuses(CapturedOutput output) {
		Map<String, String> variables = with("HARDENING_ADMIN_USER", "admin");
		variables.put("HARDENING_ADMIN_PASSWORD", "admin-is-my-password");
		assertStartFails(variables, output,
				"The first operator \"admin\" cannot be created: HARDENING_ADMIN_PASSWORD: The password must not "
						+ "contain the user name.",
				"leave HARDENING_ADMIN_PASSWORD unset");
	}

	@Test
	void anAdminUserNameThatIsNotOne(CapturedOutput output) {
		Map<String, String> variables = with("HARDENING_ADMIN_USER", "the admin");
		variables.put("HARDENING_ADMIN_PASSWORD", "a-long-and-rare-passphrase-17");
		assertStartFails(variables, output, "HARDENING_ADMIN_USER: A user name is 1 to 100 characters",
				"Set HARDENING_ADMIN_USER to 1 to 100 letters");
	}

	@Test
	void anUnreachableDatabase(CapturedOutput output) {
		String url = "jdbc:postgresql://localhost:" + closedPort() + "/hardening";
		assertStartFails(with("SPRING_DATASOURCE_URL", url), output,
				"The database in SPRING_DATASOURCE_URL (" + url + ") cannot be reached: Connection to localhost:",
				"Check the host, port and database name in SPRING_DATASOURCE_URL");
	}

	@Test
	void aDatabaseThatDoesNotExist(CapturedOutput output) {
		String url = this.database.jdbcUrl().replace("/hardening", "/hardening_missing");
		assertStartFails(with("SPRING_DATASOURCE_URL", url), output,
				"The database named in SPRING_DATASOURCE_URL (" + url + ") does not exist",
				"Create it with db/init/01-roles.sh");
	}

	@Test
	void aWrongPasswordOfTheApplicationRole(CapturedOutput output) {
		assertStartFails(with("SPRING_DATASOURCE_PASSWORD", "wrong"), output,
				"PostgreSQL refused the password of SPRING_DATASOURCE_USERNAME \"hardening_app\" (wrong "
						+ "SPRING_DATASOURCE_PASSWORD, or no such role)",
				"Set SPRING_DATASOURCE_PASSWORD to the password of hardening_app");
	}

	@Test
	void aWrongPasswordOfTheOwnerRole(CapturedOutput output) {
		assertStartFails(with("SPRING_FLYWAY_PASSWORD", "wrong"), output,
				"PostgreSQL refused the password of SPRING_FLYWAY_USER \"hardening_owner\" (wrong "
						+ "SPRING_FLYWAY_PASSWORD, or no such role)",
				"Set SPRING_FLYWAY_PASSWORD to the password of hardening_owner");
	}

	@Test
	void noOwnerRoleForTheMigrations(CapturedOutput output) {
		Map<String, String> variables = this.database.readmeVariables();
		variables.remove("SPRING_FLYWAY_USER");
		variables.remove("SPRING_FLYWAY_PASSWORD");
		assertStartFails(variables, output,
				"SPRING_FLYWAY_USER is not set: the migrations need the owner role of the database",
				"Set SPRING_FLYWAY_USER and SPRING_FLYWAY_PASSWORD");
	}

	@Test
	void aMissingRoleOfAUserKind(CapturedOutput output) {
		whileChanged("ALTER ROLE hardening_auditor RENAME TO hardening_auditor_gone",
				"ALTER ROLE hardening_auditor_gone RENAME TO hardening_auditor",
				() -> assertStartFails(this.database.readmeVariables(), output,
						"The database server lacks the role(s) hardening_auditor that the application switches to "
								+ "in each transaction",
						"CREATE ROLE hardening_auditor NOLOGIN"));
	}

	@Test
	void anApplicationRoleThatIsASuperuser(CapturedOutput output) {
		whileChanged("ALTER ROLE hardening_app SUPERUSER", "ALTER ROLE hardening_app NOSUPERUSER",
				() -> assertStartFails(this.database.readmeVariables(), output,
						"SPRING_DATASOURCE_USERNAME \"hardening_app\" is a superuser, which row-level security "
								+ "does not hold",
						"ALTER ROLE hardening_app NOSUPERUSER"));
	}

	@Test
	void anApplicationRoleThatBypassesRowLevelSecurity(CapturedOutput output) {
		whileChanged("ALTER ROLE hardening_app BYPASSRLS", "ALTER ROLE hardening_app NOBYPASSRLS",
				() -> assertStartFails(this.database.readmeVariables(), output,
						"SPRING_DATASOURCE_USERNAME \"hardening_app\" has BYPASSRLS", "NOBYPASSRLS"));
	}

	@Test
	void anApplicationRoleThatOwnsATable(CapturedOutput output) {
		this.database.execute("hardening", "CREATE TABLE public.left_behind (id int)",
				"ALTER TABLE public.left_behind OWNER TO hardening_app");
		try {
			assertStartFails(this.database.readmeVariables(), output,
					"SPRING_DATASOURCE_USERNAME \"hardening_app\" owns database objects (public.left_behind); an "
							+ "owner can switch row-level security off",
					"REASSIGN OWNED BY hardening_app TO hardening_owner");
		}
		finally {
			this.database.execute("hardening", "DROP TABLE public.left_behind");
		}
	}

	@Test
	void theOwnerRoleAsTheApplicationRole(CapturedOutput output) {
		Map<String, String> variables = with("SPRING_DATASOURCE_USERNAME", "hardening_owner");
		variables.put("SPRING_DATASOURCE_PASSWORD", ExternalPostgres.OWNER_PASSWORD);
		assertStartFails(variables, output,
				"SPRING_DATASOURCE_USERNAME and SPRING_FLYWAY_USER name the same role \"hardening_owner\"",
				"SPRING_DATASOURCE_USERNAME=hardening_app");
	}

	@Test
	void anApplicationRoleThatInheritsTheRightsOfTheRolesItSwitchesTo(CapturedOutput output) {
		whileChanged("GRANT hardening_operator TO hardening_app WITH INHERIT TRUE",
				"GRANT hardening_operator TO hardening_app WITH INHERIT FALSE",
				() -> assertStartFails(this.database.readmeVariables(), output,
						"SPRING_DATASOURCE_USERNAME \"hardening_app\" inherits the rights of hardening_operator",
						"ALTER ROLE hardening_app NOINHERIT"));
	}

	/** README.md's variables with one changed. */
	private Map<String, String> with(String name, String value) {
		Map<String, String> variables = new LinkedHashMap<>(this.database.readmeVariables());
		variables.put(name, value);
		return variables;
	}

	private void whileChanged(String change, String undo, Runnable test) {
		this.database.execute("postgres", change);
		try {
			test.run();
		}
		finally {
			this.database.execute("postgres", undo);
		}
	}

	/**
	 * The start fails, and what it prints is Spring Boot's failure report with the
	 * description on one line and no stack trace.
	 */
	private static void assertStartFails(Map<String, String> variables, CapturedOutput output, String description,
			String action) {
		assertThatException().isThrownBy(() -> StartWithEnvironment.run(variables, "--server.port=0").close());
		String printed = output.toString();
		assertThat(printed).contains("APPLICATION FAILED TO START");
		String report = printed.substring(printed.lastIndexOf("APPLICATION FAILED TO START"));
		assertThat(report).contains("Description:");
		String descriptionLine = report.lines()
			.dropWhile((line) -> !line.equals("Description:"))
			.skip(2)
			.findFirst()
			.orElseThrow();
		assertThat(descriptionLine).contains(description);
		assertThat(report).containsSubsequence("Description:", descriptionLine, "Action:", action);
		assertThat(printed).doesNotContain("Application run failed").doesNotContain("\tat org.springframework");
	}

	private static int closedPort() {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
