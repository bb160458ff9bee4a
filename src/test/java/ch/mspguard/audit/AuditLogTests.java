package ch.mspguard.audit;

import java.util.UUID;

import ch.mspguard.IntegrationTest;
import ch.mspguard.TestSnapshots;
import ch.mspguard.TestUsers;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What operators find on /audit and in its CSV: edits with before and after values,
 * imports, failed logins; auditors and tenant admins may not read it.
 */
@IntegrationTest
class AuditLogTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Test
	void editsImportsAndFailedLoginsAreLoggedWithBeforeAndAfter() throws Exception {
		MockHttpSession operator = this.users.operatorSession(this.mvc);
		String body = this.mvc
			.perform(post("/api/snapshots").with(this.users.operator())
				.contentType(MediaType.APPLICATION_JSON)
				.content(TestSnapshots.bytes(TestSnapshots.load("two-tenants.json"))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		UUID tenant = UUID.fromString(TestSnapshots.JSON.readTree(body).at("/tenants/1/id").asString());
		String version = Jsoup
			.parse(this.mvc.perform(get("/tenants/" + tenant + "/settings").session(operator))
				.andReturn()
				.getResponse()
				.getContentAsString())
			.select("input[name=version]")
			.val();
		String marker = "Audited-" + UUID.randomUUID().toString().substring(0, 6);
		this.mvc
			.perform(post("/tenants/" + tenant + "/settings").session(operator)
				.param("version", version)
				.param("displayName", marker)
				.param("mailServerTls", "verified")
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(post("/login").param("username", "nobody-" + marker).param("password", "x").with(csrf()));

		Document page = Jsoup.parse(this.mvc.perform(get("/audit").param("q", marker).session(operator))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		String table = page.select("table.audit-table").text();
		assertThat(table).contains("TENANT_CHANGED", "displayName", "Bravo GmbH", marker, "LOGIN_FAILED");

		String csv = this.mvc.perform(get("/audit.csv").param("q", marker).session(operator))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(csv).startsWith("\"id\",\"occurred_at\"").contains("TENANT_CHANGED", marker);
		String[] lines = csv.strip().split("\r\n");
		assertThat(lines[lines.length - 1]).isEqualTo("\"#END\",\"" + (lines.length - 2) + "\"");
		assertThat(this.mvc.perform(get("/audit").param("action", "SNAPSHOT_IMPORTED").session(operator))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("SNAPSHOT_IMPORTED");
	}

	@Test
	void onlyOperatorsReadTheAuditLog() throws Exception {
		MockHttpSession auditor = this.users.auditorSession(this.mvc);
		this.mvc.perform(get("/audit").session(auditor)).andExpect(status().isForbidden());
		this.mvc.perform(get("/audit.csv").session(auditor)).andExpect(status().isForbidden());
		this.mvc.perform(get("/api/audit.csv").with(this.users.auditor())).andExpect(status().isForbidden());
		this.mvc.perform(get("/audit.csv").param("from", "yesterday").session(this.users.operatorSession(this.mvc)))
			.andExpect(status().isBadRequest());
	}

}
