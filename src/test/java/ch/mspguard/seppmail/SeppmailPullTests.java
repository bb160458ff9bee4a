package ch.mspguard.seppmail;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import ch.mspguard.IntegrationTest;
import ch.mspguard.MovableClock;
import ch.mspguard.TestDatabase;
import ch.mspguard.TestSnapshots;
import ch.mspguard.TestUsers;
import ch.mspguard.tenant.SystemActor;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Live pulls from a mock SEPPmail appliance over HTTPS, through the pages an operator
 * uses: endpoint form, "Pull now", preview, apply.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class SeppmailPullTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	TestDatabase db;

	@Autowired
	SeppmailPuller puller;

	@Autowired
	MovableClock clock;

	MockAppliance appliance;

	MockHttpSession session;

	String gateway;

	UUID gatewayId;

	@BeforeEach
	void setUp() throws Exception {
		this.appliance = new MockAppliance();
		this.session = this.users.operatorSession(this.mvc);
		ObjectNode document = TestSnapshots.load("two-tenants.json");
		// The mixed gateway's relaying networks, Exchange Online's included,
		// welcomelisted:
		// the gateway's own findings pass, so the tenants' lights tell their own story.
		ArrayNode welcome = (ArrayNode) document.get("gateway").get("manualListEntries");
		document.get("gateway")
			.get("exchangeOnlineRelayingNetworks")
			.forEach((network) -> welcome.addObject().put("network", network.asString()).put("action", "accept"));
		ArrayNode tenants = document.putArray("tenants");
		tenants.addObject()
			.put("name", "bravo")
			.put("displayName", "Bravo (old name)")
			.put("mailServerTls", "verified")
			.put("vpnTunnel", false)
			.putArray("domains");
		this.mvc
			.perform(post("/api/snapshots").with(this.users.operator())
				.contentType(MediaType.APPLICATION_JSON)
				.content(TestSnapshots.bytes(document)))
			.andExpect(status().isOk());
		this.gateway = TestSnapshots.gatewayName(document);
		this.gatewayId = this.db.query((jdbc) -> jdbc.sql("SELECT id FROM gateway WHERE name = ?")
			.param(this.gateway)
			.query(UUID.class)
			.single());
	}

	@AfterEach
	void tearDown() {
		this.clock.reset();
		this.appliance.close();
	}

	@Test
	void aPullImportsCustomersDomainsBothFamiliesFingerprintsHeaderChecksExchangeOnlineAndNone() throws Exception {
		this.appliance.serve(ApplianceData.standard());
		configure(this.appliance.baseUrl(), MockAppliance.TOKEN, MockAppliance.SECRET, this.appliance.caPem());
		String preview = pull();
		String page = page(preview);
		assertThat(page).contains("6 domains added", "__none__", "unassigned", "Bravo GmbH");
		assertThat(domains()).isZero();

		apply(preview);
		assertThat(tenantNames()).containsExactly("acme", "bravo", "__none__");
		assertThat(domains()).isEqualTo(6);
		assertThat(column("SELECT t.unassigned::text || ' ' || t.display_name FROM tenant t "
				+ "WHERE t.gateway_id = ? AND t.name = '__none__'"))
			.isEqualTo("true [none]");
		assertThat(column("SELECT string_agg(s.network::text, ' ' ORDER BY s.position) FROM allowed_sending_server s "
				+ "JOIN managed_domain d ON d.id = s.domain_id WHERE d.gateway_id = ? AND d.name = 'acme-lab.ch'"))
			.isEqualTo("198.51.100.0/28 2001:db8:2::/64");
		assertThat(column("SELECT d.tls_level || ' ' || encode(f.fingerprint, 'hex') FROM managed_domain d "
				+ "JOIN tls_fingerprint f ON f.domain_id = d.id WHERE d.gateway_id = ? AND d.name = 'acme-shop.ch'"))
			.isEqualTo("fingerprint " + ApplianceData.SHA256.replace(":", "").toLowerCase());
		assertThat(column("SELECT d.exchange_online_tenant_id::text FROM managed_domain d "
				+ "WHERE d.gateway_id = ? AND d.name = 'acme.ch'"))
			.isEqualTo(ApplianceData.EXO_TENANT.toLowerCase());
		assertThat(column("SELECT d.header_check_name || ' ' || d.header_check_length FROM managed_domain d "
				+ "WHERE d.gateway_id = ? AND d.name = 'acme-shop.ch'"))
			.isEqualTo("X-Acme-Relay " + ApplianceData.HEADER_VALUE.length());
		// Gateway-wide settings and the tenant's attestation are not in the API and stay.
		assertThat(column("SELECT count(*)::text FROM gateway_network WHERE gateway_id = ? AND list = 'relaying'"))
			.isEqualTo("2");
		assertThat(column("SELECT mail_server_tls || ' ' || display_name FROM tenant WHERE gateway_id = ? "
				+ "AND name = 'bravo'"))
			.isEqualTo("verified Bravo GmbH");
		assertThat(
				this.db.count(
						"SELECT count(*) FROM import_history WHERE gateway_id = ? AND source = 'seppmail-pull' "
								+ "AND origin = ? AND actor = ?",
						this.gatewayId, this.appliance.baseUrl(), TestUsers.OPERATOR))
			.isEqualTo(1);
		RecordedRequest request = this.appliance.lastRequest();
		assertThat(request.getHeaders().get("X-SM-API-TOKEN")).isEqualTo(MockAppliance.TOKEN);
		assertThat(request.getHeaders().get("X-SM-API-SECRET")).isEqualTo(MockAppliance.SECRET);
		String overview = page("/tenants?q=__none__");
		assertThat(overview).contains("__none__", "unassigned-badge");
	}

	@Test
	void thePreviewOfATlsLevelGoingFromSecureToMayShowsExactlyThatChangeAndTheLightTurningRed() throws Exception {
		ApplianceData data = ApplianceData.standard();
		this.appliance.serve(data);
		configure(this.appliance.baseUrl(), MockAppliance.TOKEN, MockAppliance.SECRET, this.appliance.caPem());
		apply(pull());
		((ObjectNode) data.domain("bravo", "bravo.ch").get("tls")).put("level", "may");
		this.appliance.serve(data);

		String page = page(pull());
		assertThat(page).contains("Tenants: 0 added, 0 removed, 0 changed", "Domains: 0 added, 0 removed, 1 changed");
		assertThat(occurrences(page, "data-field=")).isEqualTo(1);
		assertThat(page).contains("data-domain=\"bravo.ch\" data-field=\"tlsLevel\"");
		String change = row(page, "data-domain=\"bravo.ch\"");
		assertThat(change).contains(">secure<", ">may<");
		assertThat(page).doesNotContain("id=\"added-domains\"", "id=\"removed-domains\"", "id=\"added-tenants\"",
				"id=\"removed-tenants\"", "id=\"changed-tenants\"");
		String light = row(page, "data-tenant=\"bravo\"");
		assertThat(light).contains("light-RED");
		assertThat(light.substring(0, light.indexOf("light-RED"))).containsPattern("light-(GREEN|YELLOW)");
		assertThat(occurrences(page, "data-tenant=")).isEqualTo(1);
	}

	@Test
	void aWrongTokenIsReportedAndChangesNothing() throws Exception {
		this.appliance.serve(ApplianceData.standard()).expectToken("another-token");
		configure(this.appliance.baseUrl(), MockAppliance.TOKEN, MockAppliance.SECRET, this.appliance.caPem());
		String error = pullFailure();
		assertThat(error).contains("refused the API token or secret (HTTP 401)");
		assertThat(domains()).isZero();
		assertThat(page("/import/seppmail")).contains("failed");
	}

	@Test
	void aSlowApplianceTimesOut() throws Exception {
		this.appliance.serve(ApplianceData.standard()).delay(5);
		configure(this.appliance.baseUrl(), MockAppliance.TOKEN, MockAppliance.SECRET, this.appliance.caPem());
		long start = System.nanoTime();
		assertThat(pullFailure()).contains("did not answer within 3 seconds");
		assertThat((System.nanoTime() - start) / 1_000_000_000).isLessThan(5);
		assertThat(domains()).isZero();
	}

	@Test
	void malformedJsonIsUnexpectedContent() throws Exception {
		this.appliance.raw("<html>login</html>".getBytes(StandardCharsets.UTF_8), "{".getBytes(StandardCharsets.UTF_8));
		configure(this.appliance.baseUrl(), MockAppliance.TOKEN, MockAppliance.SECRET, this.appliance.caPem());
		MvcResult result = pullRejected();
		String page = page("/import/seppmail", result);
		assertThat(page).contains("/customer", "is not valid JSON", "/mailsystem/manageddomain");
		assertThat(domains()).isZero();
	}

	@Test
	void aDomainWithAnInvalidNetworkRejectsTheWholePull() throws Exception {
		ApplianceData data = ApplianceData.standard();
		data.domain("bravo", "bravo.ch").withArray("sendingServers").add(ApplianceData.ipv4("203.0.113.300", 24));
		this.appliance.serveDeviatingDomains(data, "bravo");
		configure(this.appliance.baseUrl(), MockAppliance.TOKEN, MockAppliance.SECRET, this.appliance.caPem());
		String before = export();

		String page = page("/import/seppmail", pullRejected());
		assertThat(page).contains("/mailsystem/manageddomain/bravo/0/sendingServers/1", "203.0.113.300/24");
		assertThat(export()).isEqualTo(before);
		assertThat(this.db.count("SELECT count(*) FROM import_history WHERE gateway_id = ?", this.gatewayId))
			.isEqualTo(1);
	}

	@Test
	void anApplianceCertificateFromAnUnknownCaIsRefused() throws Exception {
		this.appliance.serve(ApplianceData.standard());
		configure(this.appliance.baseUrl(), MockAppliance.TOKEN, MockAppliance.SECRET, "");
		assertThat(pullFailure()).contains("certificate of localhost is not trusted");
	}

	@Test
	void aCertificateForAnotherHostNameIsRefusedEvenFromThePinnedCa() throws Exception {
		this.appliance.serve(ApplianceData.standard());
		configure(this.appliance.baseUrlByAddress(), MockAppliance.TOKEN, MockAppliance.SECRET, this.appliance.caPem());
		assertThat(pullFailure()).contains("was issued for another host name");
	}

	@Test
	void anUnreachableApplianceIsReported() throws Exception {
		String url = this.appliance.baseUrl();
		this.appliance.close();
		configure(url, MockAppliance.TOKEN, MockAppliance.SECRET, "");
		assertThat(pullFailure()).contains("cannot be reached on port");
	}

	@Test
	void plainHttpIsRefused() throws Exception {
		String page = this.mvc
			.perform(post("/import/seppmail/{id}", this.gatewayId).session(this.session)
				.with(csrf())
				.param("baseUrl", "http://seppmail.example.com:8445/v1")
				.param("token", MockAppliance.TOKEN)
				.param("secret", MockAppliance.SECRET)
				.param("schedule", "off"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("does not use HTTPS");
		assertThat(this.db.count("SELECT count(*) FROM seppmail_endpoint WHERE gateway_id = ?", this.gatewayId))
			.isZero();
	}

	@Test
	void storedCredentialsAreNeverShownAndKeptUntilNewOnesAreEntered() throws Exception {
		this.appliance.serve(ApplianceData.standard());
		configure(this.appliance.baseUrl(), MockAppliance.TOKEN, MockAppliance.SECRET, this.appliance.caPem());
		String form = page("/import/seppmail/" + this.gatewayId);
		assertThat(form).contains("stored").doesNotContain(MockAppliance.TOKEN, MockAppliance.SECRET);

		configure(this.appliance.baseUrl(), "", "", this.appliance.caPem());
		pull();
		configure(this.appliance.baseUrl(), "replaced-token", "", this.appliance.caPem());
		assertThat(pullFailure()).contains("HTTP 401");
		this.appliance.expectToken("replaced-token");
		pull();
	}

	@Test
	void tokenAndSecretAppearInNoLogPageAuditEntryOrDatabaseColumnInClear(CapturedOutput output) throws Exception {
		this.appliance.serve(ApplianceData.standard());
		configure(this.appliance.baseUrl(), MockAppliance.TOKEN, MockAppliance.SECRET, this.appliance.caPem());
		apply(pull());
		this.appliance.expectToken("other");
		String failure = pullFailure();
		String pages = page("/import/seppmail") + page("/import/seppmail/" + this.gatewayId) + page("/import/history")
				+ failure;
		String audit = this.db.query((jdbc) -> {
			// Only operators read the audit log.
			jdbc.sql("SET LOCAL ROLE hardening_operator").update();
			return jdbc.sql("SELECT string_agg(details::text, ' ') FROM audit_event WHERE target IN (?, ?)")
				.params(this.gatewayId.toString(), this.gateway)
				.query(String.class)
				.single();
		});
		String sealed = column("SELECT encode(token_sealed, 'escape') || encode(secret_sealed, 'escape') "
				+ "FROM seppmail_endpoint WHERE gateway_id = ?");
		for (String text : List.of(output.getAll(), pages, audit, sealed)) {
			assertThat(text).doesNotContain(MockAppliance.TOKEN, MockAppliance.SECRET);
		}
		assertThat(audit).contains("tokenReplaced");
	}

	@Test
	void auditorsAndTenantAdminsCannotReadTheSealedCredentials() throws Exception {
		configure("https://seppmail.example.com:8445/v1", MockAppliance.TOKEN, MockAppliance.SECRET, "");
		for (String role : List.of("hardening_auditor", "hardening_tenant_admin")) {
			String outcome = this.db.query((jdbc) -> {
				jdbc.sql("SET LOCAL ROLE " + role).update();
				try {
					jdbc.sql("SELECT secret_sealed FROM seppmail_endpoint").query().listOfRows();
					return "read";
				}
				catch (org.springframework.dao.DataAccessException ex) {
					return String.valueOf(ex.getMostSpecificCause().getMessage());
				}
			});
			assertThat(outcome).as(role).contains("permission denied");
		}
		String auditorReadsUrl = this.db.query((jdbc) -> {
			jdbc.sql("SET LOCAL ROLE hardening_auditor").update();
			return jdbc.sql("SELECT base_url FROM seppmail_endpoint WHERE gateway_id = ?")
				.param(this.gatewayId)
				.query(String.class)
				.single();
		});
		assertThat(auditorReadsUrl).isEqualTo("https://seppmail.example.com:8445/v1");
	}

	@Test
	void warningsOfAPullShowOnThePreviewAndOnTheEndpoint() throws Exception {
		ApplianceData data = ApplianceData.standard();
		// UTF-8 read as Latin-1 on the way, as Windows PowerShell does: valid for the
		// schema, repaired with a warning.
		((ObjectNode) data.customers.get("acme")).put("description", "ACME AG, ZÃ¼rich");
		this.appliance.serve(data);
		configure(this.appliance.baseUrl(), MockAppliance.TOKEN, MockAppliance.SECRET, this.appliance.caPem());
		String preview = pull();
		assertThat(page(preview)).contains("1 value was not recorded or repaired; the rest is imported",
				"/customer/acme/description", "it was repaired");
		assertThat(page("/import/seppmail")).contains("1 value not recorded or repaired", "/customer/acme/description");
		apply(preview);
		assertThat(column("SELECT display_name FROM tenant WHERE gateway_id = ? AND name = 'acme'"))
			.isEqualTo("ACME AG, Zürich");
		assertThat(column(
				"SELECT string_agg(DISTINCT forwarding_port::text, ' ') FROM managed_domain " + "WHERE gateway_id = ?"))
			.isEqualTo("25");
	}

	@Test
	void aScheduledPullAppliesOnlyWhenTheOperatorChoseSo() throws Exception {
		ApplianceData data = ApplianceData.standard();
		this.appliance.serve(data);
		configure(this.appliance.baseUrl(), MockAppliance.TOKEN, MockAppliance.SECRET, this.appliance.caPem(), "hourly",
				false);
		assertThat(SystemActor.call("test", () -> this.puller.pullScheduled(this.gatewayId)))
			.isEqualTo(SeppmailPuller.CHANGES_WAITING);
		assertThat(domains()).isZero();
		assertThat(page("/import/seppmail")).contains("changes waiting", "pull now to review and apply");

		configure(this.appliance.baseUrl(), "", "", this.appliance.caPem(), "hourly", true);
		assertThat(SystemActor.call("test", () -> this.puller.pullScheduled(this.gatewayId)))
			.isEqualTo(SeppmailPuller.APPLIED);
		assertThat(domains()).isEqualTo(6);
		assertThat(this.db.count("SELECT count(*) FROM import_history WHERE gateway_id = ? "
				+ "AND source = 'seppmail-schedule' AND actor = 'system:test'", this.gatewayId))
			.isEqualTo(1);
		assertThat(SystemActor.call("test", () -> this.puller.pullScheduled(this.gatewayId)))
			.isEqualTo(SeppmailPuller.UNCHANGED);
	}

	// issue 13: data age
	@Test
	void aPullThatFindsNothingChangedConfirmsTheDataAndEndsItsStaleness() throws Exception {
		this.appliance.serve(ApplianceData.standard());
		configure(this.appliance.baseUrl(), MockAppliance.TOKEN, MockAppliance.SECRET, this.appliance.caPem(), "hourly",
				true);
		assertThat(SystemActor.call("test", () -> this.puller.pullScheduled(this.gatewayId)))
			.isEqualTo(SeppmailPuller.APPLIED);
		this.clock.advance(Duration.ofDays(8));
		assertThat(dataAge().get("stale").asBoolean()).isTrue();

		assertThat(SystemActor.call("test", () -> this.puller.pullScheduled(this.gatewayId)))
			.isEqualTo(SeppmailPuller.UNCHANGED);
		JsonNode scheduled = dataAge();
		assertThat(scheduled.get("stale").asBoolean()).isFalse();
		assertThat(scheduled.get("dataConfirmedBy").asString()).isEqualTo("seppmail-schedule");

		this.clock.advance(Duration.ofDays(8));
		assertThat(dataAge().get("stale").asBoolean()).isTrue();
		pull();
		JsonNode pulled = dataAge();
		assertThat(pulled.get("stale").asBoolean()).isFalse();
		assertThat(pulled.get("dataConfirmedBy").asString()).isEqualTo("seppmail-pull");
	}

	private JsonNode dataAge() throws Exception {
		return TestSnapshots.JSON
			.readTree(this.mvc.perform(get("/api/gateways/{id}", this.gatewayId).with(this.users.operator()))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString());
	}
	// end issue 13: data age

	private void configure(String baseUrl, String token, String secret, String ca) throws Exception {
		configure(baseUrl, token, secret, ca, "off", false);
	}

	private void configure(String baseUrl, String token, String secret, String ca, String schedule, boolean autoApply)
			throws Exception {
		this.mvc
			.perform(post("/import/seppmail/{id}", this.gatewayId).session(this.session)
				.with(csrf())
				.param("baseUrl", baseUrl)
				.param("token", token)
				.param("secret", secret)
				.param("caCertificate", ca)
				.param("schedule", schedule)
				.param("autoApply", String.valueOf(autoApply)))
			.andExpect(redirectedUrl("/import/seppmail"));
		page("/import/seppmail");
	}

	private String pull() throws Exception {
		return this.mvc.perform(post("/import/seppmail/{id}/pull", this.gatewayId).session(this.session).with(csrf()))
			.andExpect(redirectedUrlPattern("/import/preview/*"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
	}

	private MvcResult pullRejected() throws Exception {
		return this.mvc.perform(post("/import/seppmail/{id}/pull", this.gatewayId).session(this.session).with(csrf()))
			.andExpect(redirectedUrl("/import/seppmail"))
			.andReturn();
	}

	private String pullFailure() throws Exception {
		Object error = pullRejected().getFlashMap().get("pullError");
		assertThat(error).as("a pull error").isNotNull();
		return error.toString();
	}

	private void apply(String preview) throws Exception {
		this.mvc.perform(post(preview + "/apply").session(this.session).with(csrf()))
			.andExpect(redirectedUrl("/import/history"));
	}

	private String page(String url) throws Exception {
		return this.mvc.perform(get(url).session(this.session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	/** The page the redirect leads to, with the messages the redirect left for it. */
	private String page(String url, MvcResult redirect) throws Exception {
		assertThat(redirect.getFlashMap().isEmpty()).isFalse();
		return page(url);
	}

	private String export() throws Exception {
		return this.mvc.perform(get("/api/gateways/{id}/snapshot", this.gatewayId).with(this.users.operator()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private long domains() {
		return this.db.count("SELECT count(*) FROM managed_domain WHERE gateway_id = ?", this.gatewayId);
	}

	private List<String> tenantNames() {
		return this.db.query((jdbc) -> jdbc.sql("SELECT name FROM tenant WHERE gateway_id = ? ORDER BY position")
			.param(this.gatewayId)
			.query(String.class)
			.list());
	}

	private String column(String sql) {
		return column(sql, this.gatewayId);
	}

	private String column(String sql, Object... params) {
		return this.db.query((jdbc) -> jdbc.sql(sql).params(params).query(String.class).single());
	}

	private static int occurrences(String text, String part) {
		return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
	}

	/** The table row that carries the marker. */
	private static String row(String page, String marker) {
		int at = page.indexOf(marker);
		assertThat(at).as(marker).isNotNegative();
		return page.substring(at, page.indexOf("</tr>", at));
	}

}
