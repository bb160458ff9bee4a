package ch.mspguard.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import ch.mspguard.ExternalPostgres;
import ch.mspguard.StartWithEnvironment;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production start of README.md's "Using an external PostgreSQL", end to end: a
 * PostgreSQL server separate from the application (not the embedded one), roles and
 * database from {@code db/init/roles.psql}, and the application started with exactly the
 * README's variables (no {@code SPRING_FLYWAY_URL}), driven over HTTP.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExternalPostgresStartTests {

	static final String ADMIN = "first-operator";

	static final String ADMIN_PASSWORD = "correct-horse-staple-9";

	static final JsonMapper JSON = JsonMapper.builder().build();

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	ExternalPostgres database;

	ConfigurableApplicationContext application;

	String base;

	@BeforeAll
	void startTheDatabaseAndTheApplicationAsDocumented() {
		this.database = ExternalPostgres.start("documented-start").withRolesAndDatabase();
		Map<String, String> variables = new java.util.LinkedHashMap<>(this.database.readmeVariables());
		variables.put("HARDENING_ADMIN_USER", ADMIN);
		variables.put("HARDENING_ADMIN_PASSWORD", ADMIN_PASSWORD);
		this.application = StartWithEnvironment.run(variables, "--server.port=0");
		this.base = "http://localhost:" + ((WebServerApplicationContext) this.application).getWebServer().getPort();
	}

	@AfterAll
	void stop() {
		if (this.application != null) {
			this.application.close();
		}
		if (this.database != null) {
			this.database.close();
		}
	}

	@Test
	void migratesAsTheOwnerImportsAndShowsATenantAdminOnlyTheirTenant() throws Exception {
		assertThat(this.application.getBean(Flyway.class).info().pending()).isEmpty();
		assertThat(tableOwners()).containsExactly("hardening_owner");

		HttpResponse<String> imported = send(post("/api/snapshots",
				java.nio.file.Files.readString(Path.of("db/demo/1-gw-zrh-1.json")), ADMIN, ADMIN_PASSWORD));
		assertThat(imported.statusCode()).isEqualTo(200);
		JsonNode tenants = JSON.readTree(imported.body()).get("tenants");
		assertThat(tenants.size()).isGreaterThan(1);
		String tenantId = tenants.get(0).get("id").asString();
		String otherTenantId = tenants.get(1).get("id").asString();

		String tenantAdmin = tenants.get(0).get("name").asString() + "-admin";
		HttpResponse<String> created = send(
				post("/api/users", JSON.writeValueAsString(Map.of("username", tenantAdmin, "password",
						"tenant-admin-pass-77", "role", "TENANT_ADMIN", "tenantId", tenantId)), ADMIN, ADMIN_PASSWORD));
		assertThat(created.statusCode()).as(created.body()).isBetween(200, 201);

		HttpResponse<String> visible = send(get("/api/tenants", tenantAdmin, "tenant-admin-pass-77"));
		assertThat(visible.statusCode()).isEqualTo(200);
		JsonNode seen = JSON.readTree(visible.body());
		assertThat(seen.size()).isEqualTo(1);
		assertThat(seen.get(0).get("id").asString()).isEqualTo(tenantId);
		assertThat(send(get("/api/tenants/" + otherTenantId, tenantAdmin, "tenant-admin-pass-77")).statusCode())
			.isEqualTo(404);
		assertThat(JSON.readTree(send(get("/api/tenants", ADMIN, ADMIN_PASSWORD)).body()).size())
			.isEqualTo(tenants.size());

		// Behind the API, the database itself: as the application's role in a tenant
		// admin's transaction, row-level security leaves only that tenant's rows.
		assertThat(tenantsVisibleAs("hardening_tenant_admin", tenantId)).containsExactly(tenantId);
		assertThat(tenantsVisibleAs("hardening_operator", "")).hasSize(tenants.size());
	}

	@Test
	void theApiAnswers503WhileTheDatabaseIsDownAndRecoversWithoutARestart() throws Exception {
		assertThat(send(get("/api/tenants", ADMIN, ADMIN_PASSWORD)).statusCode()).isEqualTo(200);
		this.database.stop();
		try {
			HttpResponse<String> down = send(get("/api/tenants", ADMIN, ADMIN_PASSWORD));
			assertThat(down.statusCode()).as(down.body()).isEqualTo(503);
			assertThat(down.headers().firstValue("Retry-After")).hasValue("30");
			assertThat(down.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
			assertThat(JSON.readTree(down.body()).at("/errors/0/message").asString())
				.isEqualTo("The database is unreachable; try again in a minute");
		}
		finally {
			this.database.restart();
		}
		Instant deadline = Instant.now().plusSeconds(60);
		HttpResponse<String> after = send(get("/api/tenants", ADMIN, ADMIN_PASSWORD));
		while (after.statusCode() != 200 && Instant.now().isBefore(deadline)) {
			Thread.sleep(500);
			after = send(get("/api/tenants", ADMIN, ADMIN_PASSWORD));
		}
		assertThat(after.statusCode()).as(after.body()).isEqualTo(200);
	}

	private List<String> tableOwners() {
		List<String> owners = new ArrayList<>();
		try (Connection connection = this.database.connect("hardening_owner", ExternalPostgres.OWNER_PASSWORD);
				ResultSet rows = connection.createStatement()
					.executeQuery("SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'")) {
			while (rows.next()) {
				owners.add(rows.getString(1));
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return owners;
	}

	private List<String> tenantsVisibleAs(String role, String tenantId) throws SQLException {
		try (Connection connection = this.database.connect("hardening_app", ExternalPostgres.APP_PASSWORD)) {
			connection.setAutoCommit(false);
			try (Statement statement = connection.createStatement()) {
				statement.execute("SET LOCAL ROLE " + role);
				statement.execute("SELECT set_config('app.tenant_id', '" + tenantId + "', true)");
				List<String> ids = new ArrayList<>();
				try (ResultSet rows = statement.executeQuery("SELECT id FROM tenant")) {
					while (rows.next()) {
						ids.add(rows.getString(1));
					}
				}
				return ids;
			}
			finally {
				connection.rollback();
			}
		}
	}

	private HttpRequest get(String path, String user, String password) {
		return HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Authorization", basic(user, password))
			.timeout(Duration.ofSeconds(60))
			.build();
	}

	private HttpRequest post(String path, String json, String user, String password) {
		return HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Authorization", basic(user, password))
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(60))
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build();
	}

	private HttpResponse<String> send(HttpRequest request) throws Exception {
		return this.http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

}
