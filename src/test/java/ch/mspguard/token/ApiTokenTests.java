package ch.mspguard.token;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import ch.mspguard.IntegrationTest;
import ch.mspguard.TestSnapshots;
import ch.mspguard.TestUsers;
import ch.mspguard.tenant.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * API tokens end to end: created by an operator over the API, then used as
 * {@code Authorization: Bearer} against the real security filters and database roles.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ApiTokenTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	ApiTokenService service;

	@Test
	void aReadTokenReadsButCannotImportOrManageTokens() throws Exception {
		String token = create("{\"name\":\"%s\",\"scopes\":[\"read\"],\"expiresOn\":\"%s\"}", nextMonth());
		this.mvc.perform(bearer(get("/api/tenants"), token)).andExpect(status().isOk());
		this.mvc.perform(bearer(get("/api/rules"), token)).andExpect(status().isOk());
		this.mvc.perform(bearer(importing(), token)).andExpect(status().isForbidden());
		this.mvc.perform(bearer(get("/api/tokens"), token)).andExpect(status().isForbidden());
		this.mvc
			.perform(bearer(post("/api/snapshots/evaluate").contentType(MediaType.APPLICATION_JSON).content("{}"),
					token))
			.andExpect(status().isForbidden());
	}

	@Test
	void anImportTokenImportsAndTheAuditLogNamesTheToken() throws Exception {
		String name = uniqueName();
		String token = createNamed(name, "{\"name\":\"%s\",\"scopes\":[\"import\"],\"expiresOn\":\"%s\"}", nextMonth());
		this.mvc.perform(bearer(importing(), token)).andExpect(status().isOk());
		Long imports = asOperator(() -> this.transactions.execute((tx) -> this.jdbc
			.sql("SELECT count(*) FROM audit_event WHERE actor = ? AND action = 'SNAPSHOT_IMPORTED'")
			.param("token:" + name)
			.query(Long.class)
			.single()));
		assertThat(imports).isEqualTo(1);
		// Import alone does not include reading.
		this.mvc.perform(bearer(get("/api/tenants"), token)).andExpect(status().isForbidden());
	}

	@Test
	void aTenantRestrictedTokenSeesOnlyItsTenant() throws Exception {
		JsonNode imported = importTwoTenants();
		String own = imported.at("/tenants/0/id").asString();
		String other = imported.at("/tenants/1/id").asString();
		String token = create(
				"{\"name\":\"%s\",\"scopes\":[\"read\",\"export\"],\"tenantId\":\"" + own + "\",\"expiresOn\":\"%s\"}",
				nextMonth());
		this.mvc.perform(bearer(get("/api/tenants/" + own), token)).andExpect(status().isOk());
		this.mvc.perform(bearer(get("/api/tenants/" + other), token)).andExpect(status().isNotFound());
		this.mvc.perform(bearer(get("/api/tenants/" + other + "/findings.csv"), token))
			.andExpect(status().isNotFound());
		this.mvc.perform(bearer(get("/api/tenants"), token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(1))
			.andExpect(jsonPath("$[0].id").value(own));
		this.mvc.perform(bearer(get("/api/gateways/" + imported.at("/gateway/id").asString() + "/snapshot"), token))
			.andExpect(status().isForbidden());
	}

	@Test
	void aTenantRestrictedTokenCannotHaveScopesThatChangeData() throws Exception {
		String own = importTwoTenants().at("/tenants/0/id").asString();
		this.mvc
			.perform(post("/api/tokens").with(this.users.operator())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"%s\",\"scopes\":[\"import\"],\"tenantId\":\"%s\",\"expiresOn\":\"%s\"}"
					.formatted(uniqueName(), own, nextMonth())))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].path").value("/scopes"));
	}

	@Test
	void anExpiredTokenIsRefused() throws Exception {
		Instant twoYearsAgo = Instant.now().minusSeconds(2 * 366 * 24 * 3600L);
		String expiresOn = LocalDate.ofInstant(twoYearsAgo, ZoneOffset.UTC).plusDays(30).toString();
		String token = asOperator(() -> this.service
			.create(new NewToken(uniqueName(), List.of("read"), null, expiresOn, null), twoYearsAgo)
			.token());
		this.mvc.perform(bearer(get("/api/tenants"), token))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\""));
	}

	@Test
	void aRevokedTokenIsRefusedAndStaysListed() throws Exception {
		String name = uniqueName();
		JsonNode created = createResponse(
				"{\"name\":\"%s\",\"scopes\":[\"read\"],\"expiresOn\":\"%s\"}".formatted(name, nextMonth()));
		String token = created.get("token").asString();
		this.mvc.perform(bearer(get("/api/rules"), token)).andExpect(status().isOk());
		this.mvc.perform(delete("/api/tokens/" + created.get("id").asString()).with(this.users.operator()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("revoked"));
		this.mvc.perform(bearer(get("/api/rules"), token)).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/tokens").with(this.users.operator()))
			.andExpect(jsonPath("$[?(@.name == '" + name + "')].status").value("revoked"))
			.andExpect(jsonPath("$[?(@.name == '" + name + "')].lastUsedAddress").value("127.0.0.1"));
	}

	@Test
	void aTokenWorksOnlyFromItsAllowedNetwork() throws Exception {
		String token = create(
				"{\"name\":\"%s\",\"scopes\":[\"read\"],\"expiresOn\":\"%s\",\"allowedNetwork\":\"192.0.2.0/24\"}",
				nextMonth());
		// MockMvc requests come from 127.0.0.1.
		this.mvc.perform(bearer(get("/api/rules"), token)).andExpect(status().isUnauthorized());
		this.mvc.perform(bearer(get("/api/rules"), token).with((request) -> {
			request.setRemoteAddr("192.0.2.77");
			return request;
		})).andExpect(status().isOk());
	}

	@Test
	void anUnknownTokenIsRefused() throws Exception {
		this.mvc.perform(bearer(get("/api/rules"), "mspg_" + "x".repeat(40))).andExpect(status().isUnauthorized());
		this.mvc.perform(bearer(get("/api/rules"), "not-a-token")).andExpect(status().isUnauthorized());
	}

	@Test
	void theSecretIsInNoTableNoLogAndNoPageAfterItsCreation(CapturedOutput output) throws Exception {
		String name = uniqueName();
		String token = createNamed(name, "{\"name\":\"%s\",\"scopes\":[\"read\"],\"expiresOn\":\"%s\"}", nextMonth());
		this.mvc.perform(bearer(get("/api/tenants"), token)).andExpect(status().isOk());
		String secretPart = token.substring(TokenSecret.PREFIX.length() + 6);
		String tables = asOperator(() -> this.transactions.execute((tx) -> String.join("\n",
				this.jdbc.sql("SELECT row_to_json(t)::text FROM api_token t").query(String.class).list())
				+ String.join("\n",
						this.jdbc.sql("SELECT row_to_json(a)::text FROM audit_event a").query(String.class).list())));
		assertThat(tables).contains(name).doesNotContain(secretPart);
		MockHttpSession operator = this.users.operatorSession(this.mvc);
		for (String page : List.of("/audit", "/api/tokens")) {
			String body = this.mvc
				.perform(page.startsWith("/api") ? get(page).with(this.users.operator()) : get(page).session(operator))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(body).as(page).doesNotContain(secretPart);
		}
		assertThat(output.getAll()).doesNotContain(secretPart);
	}

	@Test
	void everyWrongFieldIsNamed() throws Exception {
		this.mvc
			.perform(post("/api/tokens").with(this.users.operator())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"\",\"scopes\":[\"read\",\"delete\"],\"tenantId\":\"x\","
						+ "\"expiresOn\":\"2999-01-01\",\"allowedNetwork\":\"300.1.1.1\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].path").value(org.hamcrest.Matchers.containsInAnyOrder("/name", "/scopes/1",
					"/tenantId", "/expiresOn", "/allowedNetwork")));
	}

	private String create(String template, String expiresOn) throws Exception {
		return createNamed(uniqueName(), template, expiresOn);
	}

	private String createNamed(String name, String template, String expiresOn) throws Exception {
		return createResponse(template.formatted(name, expiresOn)).get("token").asString();
	}

	private JsonNode createResponse(String body) throws Exception {
		String answer = this.mvc.perform(
				post("/api/tokens").with(this.users.operator()).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.token").value(org.hamcrest.Matchers.startsWith("mspg_")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		return TestSnapshots.JSON.readTree(answer);
	}

	private JsonNode importTwoTenants() throws Exception {
		return TestSnapshots.JSON.readTree(this.mvc.perform(importing().with(this.users.operator()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private static MockHttpServletRequestBuilder importing() {
		return post("/api/snapshots").contentType(MediaType.APPLICATION_JSON)
			.content(TestSnapshots.bytes(TestSnapshots.load("two-tenants.json")));
	}

	private static MockHttpServletRequestBuilder bearer(MockHttpServletRequestBuilder request, String token) {
		return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
	}

	/** Direct database work as an operator, outside a request. */
	private static <T> T asOperator(Supplier<T> work) {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(TestUsers.OPERATOR, null,
					List.of(new SimpleGrantedAuthority(Role.OPERATOR.authority()))));
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private static String uniqueName() {
		return "token " + UUID.randomUUID().toString().substring(0, 8);
	}

	private static String nextMonth() {
		return LocalDate.now(ZoneOffset.UTC).plusMonths(1).toString();
	}

}
