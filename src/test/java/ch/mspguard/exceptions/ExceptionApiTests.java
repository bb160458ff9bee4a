package ch.mspguard.exceptions;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ch.mspguard.IntegrationTest;
import ch.mspguard.MovableClock;
import ch.mspguard.TestSnapshots;
import ch.mspguard.TestUsers;
import ch.mspguard.gateway.ImportResult;
import ch.mspguard.gateway.SnapshotImporter;
import ch.mspguard.gateway.SnapshotReader;
import ch.mspguard.tenant.Role;
import ch.mspguard.tenant.SystemActor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Exceptions end to end through the API, with real logins, database roles and
 * evaluations: the four-eyes rules, what an exception does to the light, how it keeps
 * watching the finding, and how it lapses at its expiry with a movable clock.
 */
@IntegrationTest
class ExceptionApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	SnapshotReader reader;

	@Autowired
	SnapshotImporter importer;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MovableClock clock;

	@Autowired
	ExceptionExpiry expiry;

	ObjectNode snapshot;

	UUID acme;

	UUID bravo;

	@BeforeEach
	void importTenantWithOneFailingDomain() {
		this.snapshot = TestSnapshots.load("two-tenants.json");
		tlsLevel("encrypt");
		ImportResult result = importSnapshot();
		this.acme = result.tenants().get(0).id();
		this.bravo = result.tenants().get(1).id();
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void aTenantAdminRequestsAnOperatorApprovesAndTheFindingNoLongerDecidesTheLight() throws Exception {
		JsonNode before = tenant(this.acme);
		assertThat(finding(before, "TLS-OUT", "acme-shop.example").get("outcome").asString()).isEqualTo("FAIL");
		String id = request(this.users.tenantAdmin(this.acme), this.acme, "acme-shop.example")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.state").value("REQUESTED"))
			.andReturn()
			.getResponse()
			.getContentAsString()
			.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
		this.mvc
			.perform(post("/api/exceptions/" + id + "/approve").with(this.users.tenantAdmin(this.acme))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"comment\":\"fine\"}"))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/api/exceptions/" + id + "/approve").with(this.users.operator())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"comment\":\"partner cannot do better until May\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("ACTIVE"))
			.andExpect(jsonPath("$.decidedBy").value(TestUsers.OPERATOR))
			.andExpect(jsonPath("$.selfApproved").value(false))
			.andExpect(jsonPath("$.boundTo.findings[0].domain").value("acme-shop.example"))
			.andExpect(jsonPath("$.boundTo.findings[0].values[0]").value("encrypt"));
		JsonNode after = tenant(this.acme);
		JsonNode covered = finding(after, "TLS-OUT", "acme-shop.example");
		assertThat(covered.get("outcome").asString()).as("the real outcome stays").isEqualTo("FAIL");
		assertThat(covered.get("exception").get("id").asString()).isEqualTo(id);
		assertThat(covered.get("exception").get("state").asString()).isEqualTo("ACTIVE");
		assertThat(covered.get("exception").get("expiresOn").asString()).isEqualTo(inMonths(3).toString());
		assertThat(after.get("counts").get("COVERED").asInt()).isEqualTo(1);
		assertThat(after.get("counts").get("FAIL").asInt()).isEqualTo(before.get("counts").get("FAIL").asInt());
		assertThat(storedLight(this.acme)).isEqualTo(lightWithout(before, "TLS-OUT", "acme-shop.example"));
		assertThat(audit(id)).containsExactly("EXCEPTION_REQUESTED", "EXCEPTION_APPROVED");
	}

	@Test
	void aChangeOfWhatTheVerdictDependsOnTurnsItToNeedsReviewAndOtherChangesLeaveItAlone() throws Exception {
		String id = requestAndApprove(this.acme, "acme-shop.example");
		// Another domain's change leaves it alone.
		((ObjectNode) domain("acme.example")).put("forwardingHost", "other-host.mail.protection.outlook.com");
		importSnapshot();
		assertThat(state(id)).isEqualTo("ACTIVE");
		assertThat(finding(tenant(this.acme), "TLS-OUT", "acme-shop.example").has("exception")).isTrue();
		// Lowering the same domain's TLS level further: still FAIL, but not what was
		// accepted.
		tlsLevel("may");
		importSnapshot();
		assertThat(state(id)).isEqualTo("NEEDS_REVIEW");
		JsonNode tenant = tenant(this.acme);
		assertThat(finding(tenant, "TLS-OUT", "acme-shop.example").has("exception")).isFalse();
		assertThat(tenant.get("counts").get("COVERED").asInt()).isZero();
		assertThat(storedLight(this.acme)).isEqualTo("RED");
		assertThat(exception(id).get("reviewReason").asString()).contains("encrypt").contains("may");
		assertThat(audit(id)).contains("EXCEPTION_NEEDS_REVIEW");
	}

	@Test
	void itLapsesAtItsExpiryWithoutAnImport() throws Exception {
		String id = requestAndApprove(this.acme, "acme-shop.example");
		assertThat(SystemActor.call("test", () -> this.expiry.lapseExpired())).isZero();
		this.clock.advance(Duration.ofDays(95));
		SystemActor.run("test", () -> this.expiry.lapseExpired());
		assertThat(state(id)).isEqualTo("EXPIRED");
		assertThat(finding(tenant(this.acme), "TLS-OUT", "acme-shop.example").has("exception")).isFalse();
		assertThat(storedLight(this.acme)).isEqualTo("RED");
		assertThat(lastTrigger(this.acme)).isEqualTo("EXCEPTION");
		assertThat(audit(id)).contains("EXCEPTION_EXPIRED");
	}

	@Test
	void theOverviewCountsWaitingRequestsAndExceptionsExpiringWithin30Days() throws Exception {
		ExceptionService.ExceptionCounts start = counts();
		String soon = requestAndApprove(this.acme, "acme-shop.example", LocalDate.now(ZoneOffset.UTC).plusDays(31));
		request(this.users.tenantAdmin(this.bravo), this.bravo, "bravo.example").andExpect(status().isCreated());
		assertThat(counts().waiting()).isEqualTo(start.waiting() + 1);
		assertThat(counts().expiring()).as("31 days ahead is not within 30").isEqualTo(start.expiring());
		this.clock.advance(Duration.ofDays(1));
		assertThat(counts().expiring()).isEqualTo(start.expiring() + 1);
		this.mvc.perform(get("/api/exceptions").param("state", "expiring").with(this.users.operator()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.id == '" + soon + "')]").exists());
	}

	@Test
	void anOperatorsOwnRequestNeedsAnotherOperator() throws Exception {
		String id = id(request(this.users.operator(), this.acme, "acme-shop.example").andExpect(status().isCreated()));
		this.mvc
			.perform(post("/api/exceptions/" + id + "/approve").with(this.users.operator())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{}"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("another operator")));
		assertThat(state(id)).isEqualTo("REQUESTED");
		this.mvc
			.perform(post("/api/exceptions/" + id + "/approve").with(secondOperator())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.decidedBy").value("it-operator-2"));
	}

	@Test
	void badInputNamesTheFieldAndChangesNothing() throws Exception {
		long before = count();
		this.mvc
			.perform(post("/api/exceptions").with(this.users.operator())
				.contentType(MediaType.APPLICATION_JSON)
				.content(body(this.acme, "TLS-OUT", "acme-shop.example", "RISK_ACCEPTED", " ",
						LocalDate.now(ZoneOffset.UTC).minusDays(1).toString())))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.path == '/reason')]").exists())
			.andExpect(jsonPath("$.errors[?(@.path == '/expiresOn')].message")
				.value(org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsString("past"))));
		this.mvc
			.perform(post("/api/exceptions").with(this.users.operator())
				.contentType(MediaType.APPLICATION_JSON)
				.content(body(this.acme, "TLS-OUT", "acme-shop.example", "RISK_ACCEPTED", "legacy",
						LocalDate.now(ZoneOffset.UTC).plusMonths(13).toString())))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].path").value("/expiresOn"));
		this.mvc
			.perform(post("/api/exceptions").with(this.users.operator())
				.contentType(MediaType.APPLICATION_JSON)
				.content(body(this.acme, "TLS-OUT", "acme.example", "RISK_ACCEPTED", "legacy", inMonths(3).toString())))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].path").value("/domain"));
		this.mvc
			.perform(post("/api/exceptions").with(this.users.operator())
				.contentType(MediaType.APPLICATION_JSON)
				.content(body(this.acme, "NO-SUCH-RULE", null, "WHATEVER", "legacy", inMonths(3).toString())))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.path == '/ruleId')]").exists())
			.andExpect(jsonPath("$.errors[?(@.path == '/category')]").exists());
		assertThat(count()).isEqualTo(before);
		String id = requestAndApprove(this.acme, "acme-shop.example");
		this.mvc
			.perform(post("/api/exceptions/" + id + "/reject").with(secondOperator())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"comment\":\"too late\"}"))
			.andExpect(status().isConflict());
		this.mvc
			.perform(post("/api/exceptions/" + id + "/revoke").with(secondOperator())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].path").value("/comment"));
		assertThat(state(id)).isEqualTo("ACTIVE");
	}

	@Test
	void aTenantAdminNeitherSeesNorRequestsNorActsOnAnotherTenantsExceptions() throws Exception {
		String id = requestAndApprove(this.acme, "acme-shop.example");
		this.mvc.perform(get("/api/exceptions").with(this.users.tenantAdmin(this.bravo)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.id == '" + id + "')]").doesNotExist());
		this.mvc.perform(get("/api/exceptions").with(this.users.tenantAdmin(this.acme)))
			.andExpect(jsonPath("$[?(@.id == '" + id + "')]").exists());
		request(this.users.tenantAdmin(this.bravo), this.acme, "acme-shop.example").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].path").value("/tenantId"));
		this.mvc
			.perform(post("/api/exceptions/" + id + "/revoke").with(this.users.tenantAdmin(this.bravo))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"comment\":\"x\"}"))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/api/exceptions/" + id + "/revoke").with(this.users.auditor())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"comment\":\"x\"}"))
			.andExpect(status().isForbidden());
		request(this.users.auditor(), this.acme, "acme-shop.example").andExpect(status().isForbidden());
		assertThat(state(id)).isEqualTo("ACTIVE");
	}

	@Test
	void extendingIsANewRequestButOnlyOneRequestWaitsPerFinding() throws Exception {
		String active = requestAndApprove(this.acme, "acme-shop.example");
		request(this.users.tenantAdmin(this.acme), this.acme, "acme-shop.example").andExpect(status().isCreated());
		request(this.users.tenantAdmin(this.acme), this.acme, "acme-shop.example").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].path").value("/ruleId"));
		assertThat(state(active)).isEqualTo("ACTIVE");
	}

	@Test
	void revokingMakesTheFindingDecideTheLightAgain() throws Exception {
		String id = requestAndApprove(this.acme, "acme-shop.example");
		this.mvc
			.perform(post("/api/exceptions/" + id + "/revoke").with(secondOperator())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"comment\":\"partner upgraded\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("REVOKED"));
		assertThat(storedLight(this.acme)).isEqualTo("RED");
		assertThat(lastTrigger(this.acme)).isEqualTo("EXCEPTION");
	}

	// --- helpers

	private String requestAndApprove(UUID tenant, String domain) throws Exception {
		return requestAndApprove(tenant, domain, inMonths(3));
	}

	private String requestAndApprove(UUID tenant, String domain, LocalDate expiresOn) throws Exception {
		String id = id(
				this.mvc
					.perform(post("/api/exceptions").with(this.users.tenantAdmin(tenant))
						.contentType(MediaType.APPLICATION_JSON)
						.content(body(tenant, "TLS-OUT", domain, "FIX_PLANNED", "partner migrates",
								expiresOn.toString())))
					.andExpect(status().isCreated()));
		this.mvc
			.perform(post("/api/exceptions/" + id + "/approve").with(this.users.operator())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"comment\":\"ok\"}"))
			.andExpect(status().isOk());
		return id;
	}

	private ResultActions request(RequestPostProcessor who, UUID tenant, String domain) throws Exception {
		return this.mvc.perform(post("/api/exceptions").with(who)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body(tenant, "TLS-OUT", domain, "RISK_ACCEPTED", "legacy partner relay", inMonths(3).toString())));
	}

	private static String body(UUID tenant, String rule, String domain, String category, String reason,
			String expiresOn) {
		return TestSnapshots.JSON.writeValueAsString(new java.util.LinkedHashMap<>(
				Map.of("ruleId", rule, "tenantId", tenant.toString(), "domain", (domain != null) ? domain : "",
						"category", category, "reason", reason, "expiresOn", expiresOn)));
	}

	private RequestPostProcessor secondOperator() {
		return this.users.as("it-operator-2", Role.OPERATOR, null);
	}

	private static String id(ResultActions result) throws Exception {
		return TestSnapshots.JSON.readTree(result.andReturn().getResponse().getContentAsString()).get("id").asString();
	}

	private static LocalDate inMonths(int months) {
		return LocalDate.now(ZoneOffset.UTC).plusMonths(months);
	}

	private ImportResult importSnapshot() {
		return SystemActor.call("test",
				() -> this.importer.importSnapshot(this.reader.read(TestSnapshots.bytes(this.snapshot)), "test"));
	}

	private void tlsLevel(String level) {
		((ObjectNode) domain("acme-shop.example")).put("tlsLevel", level);
	}

	private JsonNode domain(String name) {
		for (JsonNode tenant : this.snapshot.get("tenants")) {
			for (JsonNode domain : tenant.get("domains")) {
				if (domain.get("name").asString().equals(name)) {
					return domain;
				}
			}
		}
		throw new IllegalArgumentException(name);
	}

	private JsonNode tenant(UUID id) throws Exception {
		return TestSnapshots.JSON.readTree(this.mvc.perform(get("/api/tenants/" + id).with(this.users.operator()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private JsonNode exception(String id) throws Exception {
		JsonNode list = TestSnapshots.JSON.readTree(this.mvc.perform(get("/api/exceptions").with(this.users.auditor()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		for (JsonNode exception : list) {
			if (exception.get("id").asString().equals(id)) {
				return exception;
			}
		}
		throw new AssertionError("no exception " + id);
	}

	private String state(String id) throws Exception {
		return exception(id).get("state").asString();
	}

	private static JsonNode finding(JsonNode tenant, String rule, String domain) {
		for (JsonNode finding : tenant.get("findings")) {
			if (finding.get("ruleId").asString().equals(rule) && domain.equals(finding.path("domain").asString(null))) {
				return finding;
			}
		}
		throw new AssertionError("no finding " + rule + " " + domain);
	}

	/** The light the tenant has when the given finding does not count. */
	private static String lightWithout(JsonNode tenant, String rule, String domain) {
		List<String> outcomes = new java.util.ArrayList<>();
		for (JsonNode finding : tenant.get("findings")) {
			if (!(finding.get("ruleId").asString().equals(rule)
					&& domain.equals(finding.path("domain").asString(null)))) {
				outcomes.add(finding.get("outcome").asString());
			}
		}
		return outcomes.contains("FAIL") ? "RED"
				: (outcomes.contains("WARN") || outcomes.contains("UNKNOWN")) ? "YELLOW" : "GREEN";
	}

	private String storedLight(UUID tenant) throws Exception {
		return tenant(tenant).get("status").asString();
	}

	private String lastTrigger(UUID tenant) {
		return inTransaction(() -> this.jdbc.sql("""
				SELECT e.trigger FROM tenant t JOIN current_evaluation c ON c.gateway_id = t.gateway_id
				JOIN evaluation e ON e.id = c.evaluation_id WHERE t.id = ?""")
			.param(tenant)
			.query(String.class)
			.single());
	}

	private List<String> audit(String id) {
		return inTransaction(
				() -> this.jdbc.sql("SELECT action FROM audit_event WHERE details ->> 'exception' = ? ORDER BY id")
					.param(id)
					.query(String.class)
					.list());
	}

	private long count() {
		return inTransaction(() -> this.jdbc.sql("SELECT count(*) FROM finding_exception").query(Long.class).single());
	}

	private ExceptionService.ExceptionCounts counts() {
		return SystemActor.call("test", () -> this.service.counts());
	}

	@Autowired
	ExceptionService service;

	@Autowired
	TransactionTemplate transactions;

	/** Runs as an operator (only operators read the audit log), in a transaction. */
	private <T> T inTransaction(java.util.function.Supplier<T> work) {
		SecurityContext previous = SecurityContextHolder.getContext();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(TestUsers.OPERATOR, null,
				List.of(new SimpleGrantedAuthority(Role.OPERATOR.authority()))));
		SecurityContextHolder.setContext(context);
		try {
			return this.transactions.execute((tx) -> work.get());
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

}
