package ch.mspguard.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import ch.mspguard.TestSnapshots;
import ch.mspguard.TestUsers;
import ch.mspguard.tenant.Role;
import ch.mspguard.token.TestTokens;
import ch.mspguard.user.TestSsoUsers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Asks the application every question of an {@link AuthorizationMatrix} and collects the
 * answers that differ. Endpoints that change data get fresh tenants of their own.
 */
final class AuthorizationMatrixRunner {

	private final MockMvc mvc;

	private final TestUsers users;

	private final TestTokens tokens;

	private final TestSsoUsers ssoUsers;

	AuthorizationMatrixRunner(MockMvc mvc, TestUsers users, TestTokens tokens, TestSsoUsers ssoUsers) {
		this.mvc = mvc;
		this.users = users;
		this.tokens = tokens;
		this.ssoUsers = ssoUsers;
	}

	List<String> unexpectedAnswers(AuthorizationMatrix matrix) throws Exception {
		List<String> unexpected = new ArrayList<>();
		Fixture shared = new Fixture();
		for (Map.Entry<String, List<AuthorizationMatrix.Row>> endpoint : matrix.endpoints().entrySet()) {
			boolean changes = endpoint.getKey().startsWith("POST");
			if (!changes) {
				unexpected.addAll(check(endpoint.getValue(), shared));
				continue;
			}
			// Single sign-on users get objects of their own too: the local operator's row
			// has changed or removed the first fixture's.
			Map<Boolean, List<AuthorizationMatrix.Row>> bySignIn = endpoint.getValue()
				.stream()
				.collect(Collectors.partitioningBy((row) -> row.principal().startsWith("oidc-")));
			unexpected.addAll(check(bySignIn.get(false), new Fixture()));
			if (!bySignIn.get(true).isEmpty()) {
				unexpected.addAll(check(bySignIn.get(true), new Fixture()));
			}
		}
		return unexpected;
	}

	/**
	 * The answers that differ from the rows; mutating rows last, so they harm nothing.
	 */
	private List<String> check(List<AuthorizationMatrix.Row> rows, Fixture fixture) throws Exception {
		List<String> unexpected = new ArrayList<>();
		for (AuthorizationMatrix.Row row : rows) {
			for (String object : List.of("none", "foreign", "own")) {
				Integer expected = switch (object) {
					case "own" -> row.own();
					case "foreign" -> row.foreign();
					default -> row.none();
				};
				if (expected == null) {
					continue;
				}
				String path = fixture.path(row.path(), row.principal(), object);
				int status = this.mvc.perform(fixture.build(row.method(), path, row.principal()))
					.andReturn()
					.getResponse()
					.getStatus();
				if (status != expected) {
					unexpected.add(row.endpoint() + " as " + row.principal() + " on " + object + " (" + path
							+ "): expected " + expected + ", got " + status);
				}
			}
		}
		return unexpected;
	}

	/**
	 * Two tenants on two gateways with their admins, as the matrix's objects: tenant A's
	 * and tenant B's, and ids that exist nowhere.
	 */
	final class Fixture {

		final UUID tenantA;

		final UUID tenantB;

		final UUID gatewayA;

		final UUID gatewayB;

		final UUID domainA;

		final UUID domainB;

		final Map<String, MockHttpSession> sessions;

		final Map<String, String> bearerTokens;

		Fixture() throws Exception {
			JsonNode a = importOne();
			JsonNode b = importOne();
			this.tenantA = UUID.fromString(a.at("/tenants/0/id").asString());
			this.tenantB = UUID.fromString(b.at("/tenants/0/id").asString());
			this.gatewayA = UUID.fromString(a.at("/gateway/id").asString());
			this.gatewayB = UUID.fromString(b.at("/gateway/id").asString());
			this.domainA = firstDomain(this.tenantA);
			this.domainB = firstDomain(this.tenantB);
			MockMvc mvc = AuthorizationMatrixRunner.this.mvc;
			TestUsers users = AuthorizationMatrixRunner.this.users;
			TestSsoUsers sso = AuthorizationMatrixRunner.this.ssoUsers;
			this.sessions = Map.of("tenant-admin-a", users.tenantAdminSession(mvc, this.tenantA), "tenant-admin-b",
					users.tenantAdminSession(mvc, this.tenantB), "auditor", users.auditorSession(mvc), "operator",
					users.operatorSession(mvc), "oidc-tenant-admin-a",
					sso.session("oidc-admin-" + this.tenantA + "@matrix.example", Role.TENANT_ADMIN, this.tenantA),
					"oidc-auditor", sso.session("oidc-auditor@matrix.example", Role.AUDITOR, null), "oidc-operator",
					sso.session("oidc-operator@matrix.example", Role.OPERATOR, null));
			TestTokens tokens = AuthorizationMatrixRunner.this.tokens;
			List<String> readOnly = List.of("read", "evaluate", "export");
			this.bearerTokens = Map.of("token-read", tokens.create(List.of("read"), null), "token-import",
					tokens.create(List.of("import"), null), "token-evaluate", tokens.create(List.of("evaluate"), null),
					"token-export", tokens.create(List.of("export"), null), "token-manage-users",
					tokens.create(List.of("manage-users"), null), "token-tenant-a",
					tokens.create(List.of("read", "export"), this.tenantA), "token-expired", tokens.expired(readOnly),
					"token-revoked", tokens.revoked(readOnly));
		}

		String path(String pattern, String principal, String object) {
			boolean ofB = principal.equals("tenant-admin-b") ^ object.equals("foreign");
			boolean none = object.equals("none");
			return pattern
				.replace("{tenantId}",
						none ? UUID.randomUUID().toString() : (ofB ? this.tenantB : this.tenantA).toString())
				.replace("{gatewayId}",
						none ? UUID.randomUUID().toString() : (ofB ? this.gatewayB : this.gatewayA).toString())
				.replace("{domainId}",
						none ? UUID.randomUUID().toString() : (ofB ? this.domainB : this.domainA).toString())
				.replace("{userId}", UUID.randomUUID().toString())
				.replace("{tokenId}", UUID.randomUUID().toString())
				.replace("{mappingId}", UUID.randomUUID().toString())
				// Every imported gateway has its first configuration version.
				.replace("{from}", "1")
				.replace("{to}", "1")
				.replace("{id}", UUID.randomUUID().toString());
		}

		MockHttpServletRequestBuilder build(String method, String path, String principal) {
			MockHttpServletRequestBuilder request = request(HttpMethod.valueOf(method), path);
			if (method.equals("POST")) {
				request.with(csrf());
				if (path.startsWith("/api/")) {
					request.contentType(MediaType.APPLICATION_JSON).content("{}");
				}
			}
			if (principal.equals("anonymous")) {
				return request;
			}
			if (principal.startsWith("oidc-")) {
				return request.session(this.sessions.get(principal));
			}
			if (principal.startsWith("token-")) {
				return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + this.bearerTokens.get(principal));
			}
			if (path.startsWith("/api/")) {
				return request.with(AuthorizationMatrixRunner.this.users.as(name(principal), role(principal),
						principal.startsWith("tenant-admin") ? tenantOf(principal) : null));
			}
			return request.session(this.sessions.get(principal));
		}

		private String name(String principal) {
			return switch (principal) {
				case "operator" -> TestUsers.OPERATOR;
				case "auditor" -> TestUsers.AUDITOR;
				default -> AuthorizationMatrixRunner.this.users.tenantAdminName(tenantOf(principal));
			};
		}

		private Role role(String principal) {
			return switch (principal) {
				case "operator" -> Role.OPERATOR;
				case "auditor" -> Role.AUDITOR;
				default -> Role.TENANT_ADMIN;
			};
		}

		private UUID tenantOf(String principal) {
			return principal.equals("tenant-admin-a") ? this.tenantA : this.tenantB;
		}

		private JsonNode importOne() throws Exception {
			ObjectNode document = TestSnapshots.load("two-tenants.json");
			return TestSnapshots.JSON.readTree(
					AuthorizationMatrixRunner.this.mvc
						.perform(request(HttpMethod.POST, "/api/snapshots")
							.with(AuthorizationMatrixRunner.this.users.operator())
							.contentType(MediaType.APPLICATION_JSON)
							.content(TestSnapshots.bytes(document)))
						.andReturn()
						.getResponse()
						.getContentAsString());
		}

		private UUID firstDomain(UUID tenant) throws Exception {
			String html = AuthorizationMatrixRunner.this.mvc
				.perform(request(HttpMethod.GET, "/tenants/" + tenant).session(operatorSession()))
				.andReturn()
				.getResponse()
				.getContentAsString();
			java.util.regex.Matcher matcher = java.util.regex.Pattern
				.compile("/tenants/" + tenant + "/domains/([0-9a-f-]{36})")
				.matcher(html);
			assertThat(matcher.find()).isTrue();
			return UUID.fromString(matcher.group(1));
		}

		private MockHttpSession operatorSession() throws Exception {
			return AuthorizationMatrixRunner.this.users.operatorSession(AuthorizationMatrixRunner.this.mvc);
		}

	}

}
