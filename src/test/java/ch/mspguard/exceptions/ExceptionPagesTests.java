package ch.mspguard.exceptions;

import java.util.UUID;

import ch.mspguard.IntegrationTest;
import ch.mspguard.TestSnapshots;
import ch.mspguard.TestUsers;
import ch.mspguard.gateway.ImportResult;
import ch.mspguard.gateway.SnapshotImporter;
import ch.mspguard.gateway.SnapshotReader;
import ch.mspguard.tenant.SystemActor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The exception pages with real sessions and CSRF: the request form names the field of
 * each mistake and changes nothing; a request and its approval show on the list, the
 * overview's summary band and the tenant's light.
 */
@IntegrationTest
class ExceptionPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	SnapshotReader reader;

	@Autowired
	SnapshotImporter importer;

	@Autowired
	ExceptionService exceptions;

	UUID acme;

	@BeforeEach
	void importTenant() {
		ObjectNode document = TestSnapshots.load("two-tenants.json");
		((ObjectNode) document.get("tenants").get(0).get("domains").get(1)).put("tlsLevel", "encrypt");
		ImportResult result = SystemActor.call("test",
				() -> this.importer.importSnapshot(this.reader.read(TestSnapshots.bytes(document)), "test"));
		this.acme = result.tenants().get(0).id();
	}

	@Test
	void theFormNamesEachMistakeAtItsFieldAndChangesNothing() throws Exception {
		MockHttpSession admin = this.users.tenantAdminSession(this.mvc, this.acme);
		this.mvc.perform(get("/tenants/" + this.acme).session(admin).param("lang", "en"))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(containsString("/exceptions/new/" + this.acme + "?rule=TLS-OUT&amp;domain=acme-shop.example")));
		long before = count();
		this.mvc
			.perform(post("/exceptions/new/" + this.acme).session(admin)
				.with(csrf())
				.param("lang", "en")
				.param("ruleId", "TLS-OUT")
				.param("domain", "acme-shop.example")
				.param("category", "RISK_ACCEPTED")
				.param("reason", "")
				.param("expiresOn", "2001-01-01"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("This text is required.")))
			.andExpect(content().string(containsString("2001-01-01 lies in the past.")));
		assertThat(count()).isEqualTo(before);
		this.mvc
			.perform(post("/exceptions/new/" + this.acme).session(admin)
				.with(csrf())
				.param("ruleId", "TLS-OUT")
				.param("domain", "acme-shop.example")
				.param("category", "FIX_PLANNED")
				.param("reason", "The partner migrates in spring.")
				.param("expiresOn", this.exceptions.today().plusMonths(4).toString()))
			.andExpect(redirectedUrl("/tenants/" + this.acme));
		assertThat(count()).isEqualTo(before + 1);
	}

	@Test
	void anApprovalOnTheListShowsOnTheOverviewAndTheTenantPage() throws Exception {
		MockHttpSession admin = this.users.tenantAdminSession(this.mvc, this.acme);
		this.mvc
			.perform(post("/exceptions/new/" + this.acme).session(admin)
				.with(csrf())
				.param("ruleId", "TLS-OUT")
				.param("domain", "acme-shop.example")
				.param("category", "RISK_ACCEPTED")
				.param("reason", "Legacy relay.")
				.param("expiresOn", this.exceptions.today().plusMonths(1).toString()))
			.andExpect(status().is3xxRedirection());
		MockHttpSession operator = this.users.operatorSession(this.mvc);
		String list = this.mvc.perform(
				get("/exceptions").session(operator).param("state", "REQUESTED").param("tenant", this.acme.toString()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String id = list.replaceAll("(?s).*data-exception=\"([0-9a-f-]{36})\".*", "$1");
		assertThat(reasons(operator)).as("before the approval").contains("TLS-OUT");
		this.mvc.perform(post("/exceptions/" + id + "/approve").session(operator).with(csrf()).param("comment", "ok"))
			.andExpect(redirectedUrl("/exceptions"));
		this.mvc.perform(get("/tenants/" + this.acme).session(operator).param("lang", "en"))
			.andExpect(content().string(containsString("data-accepted-risks")))
			.andExpect(content().string(containsString("accepted until")));
		assertThat(reasons(operator)).as("a covered finding is no reason for the light").doesNotContain("TLS-OUT");
		this.mvc.perform(get("/tenants").session(operator).param("lang", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-exceptions-waiting")))
			.andExpect(content().string(containsString("data-exceptions-expiring")));
		this.mvc
			.perform(post("/exceptions/" + id + "/revoke").session(this.users.auditorSession(this.mvc)).with(csrf()))
			.andExpect(status().isForbidden());
	}

	/** The tenant page's list of what makes the light what it is. */
	private String reasons(MockHttpSession session) throws Exception {
		String page = this.mvc.perform(get("/tenants/" + this.acme).session(session))
			.andReturn()
			.getResponse()
			.getContentAsString();
		java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("(?s)<ul class=\"reasons\">(.*?)</ul>")
			.matcher(page);
		return matcher.find() ? matcher.group(1) : "";
	}

	private long count() {
		return SystemActor.call("test", () -> this.exceptions.list(ExceptionFilter.ALL).size());
	}

}
