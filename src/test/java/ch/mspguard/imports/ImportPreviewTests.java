package ch.mspguard.imports;

import ch.mspguard.IntegrationTest;
import ch.mspguard.TestDatabase;
import ch.mspguard.TestSnapshots;
import ch.mspguard.TestUsers;
import ch.mspguard.tenant.Role;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class ImportPreviewTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	TestDatabase db;

	@Test
	void aSnapshotUploadShowsThePreviewAndChangesNothingUntilApplied() throws Exception {
		ObjectNode document = imported();
		String gateway = TestSnapshots.gatewayName(document);
		domain(document, 1, 0).put("tlsLevel", "secure");
		((tools.jackson.databind.node.ArrayNode) document.get("tenants")).remove(0);
		MockHttpSession session = this.users.operatorSession(this.mvc);

		String preview = upload(session, document);
		String page = this.mvc.perform(get(preview).session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("bravo.example", "may", "secure", "acme-shop.example", "1 tenant removed");
		assertThat(tlsLevel(gateway, "bravo.example")).isEqualTo("may");
		assertThat(tenants(gateway)).isEqualTo(2);

		this.mvc.perform(post(preview + "/apply").session(session).with(csrf()))
			.andExpect(redirectedUrl("/import/history"));
		assertThat(tlsLevel(gateway, "bravo.example")).isEqualTo("secure");
		assertThat(tenants(gateway)).isEqualTo(1);
		assertThat(this.db.count("SELECT count(*) FROM import_history WHERE gateway_name = ? AND actor = ? "
				+ "AND source = 'snapshot-upload' AND origin = 'gw.json' AND (summary->>'tenantsRemoved')::int = 1 "
				+ "AND (summary->>'domainsChanged')::int = 1", gateway, TestUsers.OPERATOR))
			.isEqualTo(1);
		this.mvc.perform(get(preview).session(session)).andExpect(status().isNotFound());
	}

	@Test
	void discardingLeavesTheGatewayAsItWas() throws Exception {
		ObjectNode document = imported();
		String gateway = TestSnapshots.gatewayName(document);
		domain(document, 1, 0).put("tlsLevel", "none");
		MockHttpSession session = this.users.operatorSession(this.mvc);
		String preview = upload(session, document);

		this.mvc.perform(post(preview + "/discard").session(session).with(csrf()))
			.andExpect(redirectedUrl("/import"))
			.andExpect(flash().attribute("discarded", true));
		this.mvc.perform(post(preview + "/apply").session(session).with(csrf())).andExpect(status().isNotFound());
		assertThat(tlsLevel(gateway, "bravo.example")).isEqualTo("may");
		assertThat(this.db.count("SELECT count(*) FROM import_history WHERE gateway_name = ?", gateway)).isEqualTo(1);
	}

	@Test
	void aPreviewBelongsToTheOperatorWhoMadeIt() throws Exception {
		ObjectNode document = imported();
		domain(document, 1, 0).put("tlsLevel", "none");
		String preview = upload(this.users.operatorSession(this.mvc), document);
		this.users.ensure("it-operator-2", Role.OPERATOR, null);
		MockHttpSession other = this.users.login(this.mvc, "it-operator-2");

		this.mvc.perform(get(preview).session(other)).andExpect(status().isNotFound());
		this.mvc.perform(post(preview + "/apply").session(other).with(csrf())).andExpect(status().isNotFound());
		assertThat(tlsLevel(TestSnapshots.gatewayName(document), "bravo.example")).isEqualTo("may");
	}

	@Test
	void applyingIsRefusedWhenTheGatewayChangedAfterThePreview() throws Exception {
		ObjectNode document = imported();
		String gateway = TestSnapshots.gatewayName(document);
		ObjectNode previewed = document.deepCopy();
		domain(previewed, 1, 0).put("tlsLevel", "none");
		MockHttpSession session = this.users.operatorSession(this.mvc);
		String preview = upload(session, previewed);
		tenant(document, 0).put("displayName", "ACME Holding AG");
		this.mvc.perform(apiImport(document)).andExpect(status().isOk());

		this.mvc.perform(post(preview + "/apply").session(session).with(csrf()))
			.andExpect(redirectedUrl("/import"))
			.andExpect(flash().attribute("outdated", gateway));
		assertThat(tlsLevel(gateway, "bravo.example")).isEqualTo("may");
		assertThat(this.db.count("SELECT count(*) FROM tenant t JOIN gateway g ON g.id = t.gateway_id "
				+ "WHERE g.name = ? AND t.display_name = 'ACME Holding AG'", gateway))
			.isEqualTo(1);
	}

	@Test
	void anInvalidUploadListsEveryErrorWithItsPointerAndChangesNothing() throws Exception {
		ObjectNode document = imported();
		String gateway = TestSnapshots.gatewayName(document);
		domain(document, 0, 1).withArray("allowedSendingServers").add("192.0.2.300");
		domain(document, 1, 0).put("tlsLevel", "none");
		MockHttpSession session = this.users.operatorSession(this.mvc);

		this.mvc.perform(multipart("/import/snapshot").file(file(document)).session(session).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(org.hamcrest.Matchers.containsString("/tenants/0/domains/1/allowedSendingServers/2")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("192.0.2.300")));
		assertThat(tlsLevel(gateway, "bravo.example")).isEqualTo("may");
	}

	@Test
	void theSnapshotApiStaysDirectAndIsRecordedInTheHistory() throws Exception {
		ObjectNode document = imported();
		String gateway = TestSnapshots.gatewayName(document);
		assertThat(
				this.db.count(
						"SELECT count(*) FROM import_history WHERE gateway_name = ? AND source = 'api' "
								+ "AND (summary->>'newGateway')::boolean AND (summary->>'domainsAdded')::int = 3",
						gateway))
			.isEqualTo(1);
		String history = this.mvc.perform(get("/import/history").session(this.users.auditorSession(this.mvc)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(history).contains(gateway, "Snapshot API", "Domains: 3 added, 0 removed, 0 changed");
	}

	@Test
	void onlyOperatorsImportAndTenantAdminsSeeNoHistory() throws Exception {
		this.mvc.perform(get("/import").session(this.users.auditorSession(this.mvc))).andExpect(status().isForbidden());
		ObjectNode document = imported();
		java.util.UUID tenantId = this.db.query((jdbc) -> jdbc
			.sql("SELECT t.id FROM tenant t JOIN gateway g ON g.id = t.gateway_id WHERE g.name = ? AND t.name = 'acme'")
			.param(TestSnapshots.gatewayName(document))
			.query(java.util.UUID.class)
			.single());
		this.mvc.perform(get("/import/history").session(this.users.tenantAdminSession(this.mvc, tenantId)))
			.andExpect(status().isForbidden());
	}

	private ObjectNode imported() throws Exception {
		ObjectNode document = TestSnapshots.load("two-tenants.json");
		this.mvc.perform(apiImport(document)).andExpect(status().isOk());
		return document;
	}

	private org.springframework.test.web.servlet.RequestBuilder apiImport(ObjectNode document) {
		return post("/api/snapshots").with(this.users.operator())
			.contentType(MediaType.APPLICATION_JSON)
			.content(TestSnapshots.bytes(document));
	}

	private String upload(MockHttpSession session, ObjectNode document) throws Exception {
		return this.mvc.perform(multipart("/import/snapshot").file(file(document)).session(session).with(csrf()))
			.andExpect(redirectedUrlPattern("/import/preview/*"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
	}

	private static MockMultipartFile file(ObjectNode document) {
		return new MockMultipartFile("file", "gw.json", "application/json", TestSnapshots.bytes(document));
	}

	private static ObjectNode domain(ObjectNode document, int tenant, int domain) {
		return (ObjectNode) document.get("tenants").get(tenant).get("domains").get(domain);
	}

	private static ObjectNode tenant(ObjectNode document, int index) {
		return (ObjectNode) document.get("tenants").get(index);
	}

	private String tlsLevel(String gateway, String domain) {
		return this.db.query(
				(jdbc) -> jdbc
					.sql("SELECT d.tls_level FROM managed_domain d JOIN gateway g ON g.id = d.gateway_id "
							+ "WHERE g.name = ? AND d.name = ?")
					.params(gateway, domain)
					.query(String.class)
					.single());
	}

	private long tenants(String gateway) {
		return this.db.count("SELECT count(*) FROM tenant t JOIN gateway g ON g.id = t.gateway_id WHERE g.name = ?",
				gateway);
	}

}
