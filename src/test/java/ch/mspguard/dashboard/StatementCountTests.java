package ch.mspguard.dashboard;

import java.util.UUID;

import ch.mspguard.IntegrationTest;
import ch.mspguard.TestSnapshots;
import ch.mspguard.TestUsers;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A page issues the same number of SQL statements whatever the number of tenants and
 * domains (counted by the application itself, header {@code X-SQL-Statements}).
 */
@IntegrationTest
class StatementCountTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Test
	void overviewStatementsDoNotGrowWithTenants() throws Exception {
		MockHttpSession session = this.users.operatorSession(this.mvc);
		importGateway(5, 1);
		int withFew = statements("/tenants", session);
		int filteredFew = statements("/tenants?light=RED&q=t&sort=fail&dir=desc", session);
		importGateway(500, 1);
		assertThat(statements("/tenants", session)).isEqualTo(withFew);
		assertThat(statements("/tenants?light=RED&q=t&sort=fail&dir=desc", session)).isEqualTo(filteredFew);
		assertThat(statements("/tenants?page=3&size=100", session)).isEqualTo(withFew);
		// issue 13: the stale filter and markers are part of the same statement
		assertThat(statements("/tenants?stale=true", session)).isEqualTo(withFew);
	}

	@Test
	void tenantPageStatementsDoNotGrowWithDomains() throws Exception {
		MockHttpSession session = this.users.operatorSession(this.mvc);
		UUID small = importGateway(1, 2);
		UUID large = importGateway(1, 50);
		assertThat(statements("/tenants/" + large, session)).isEqualTo(statements("/tenants/" + small, session));
		assertThat(statements("/tenants/" + large + "?all=true", session))
			.isEqualTo(statements("/tenants/" + small + "?all=true", session));
	}

	private int statements(String page, MockHttpSession session) throws Exception {
		String header = this.mvc.perform(get(page).session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getHeader("X-SQL-Statements");
		assertThat(header).as(page).isNotNull();
		return Integer.parseInt(header);
	}

	/** Imports a gateway of the given size and returns its first tenant's id. */
	private UUID importGateway(int tenants, int domainsPerTenant) throws Exception {
		ObjectNode document = TestSnapshots.load("two-tenants.json");
		ArrayNode list = document.putArray("tenants");
		String prefix = TestSnapshots.gatewayName(document);
		for (int t = 0; t < tenants; t++) {
			ObjectNode tenant = list.addObject();
			tenant.put("name", "t" + t);
			tenant.put("mailServerTls", (t % 3 == 0) ? "verified" : "none");
			ArrayNode domains = tenant.putArray("domains");
			for (int d = 0; d < domainsPerTenant; d++) {
				ObjectNode domain = domains.addObject();
				domain.put("name", "d" + d + ".t" + t + "." + prefix + ".example");
				domain.put("tlsLevel", (d % 2 == 0) ? "secure" : "may");
				domain.putArray("allowedSendingServers").add("203.0." + (t % 250) + "." + (d % 250 + 1));
			}
		}
		String body = this.mvc
			.perform(post("/api/snapshots").with(this.users.operator())
				.contentType(MediaType.APPLICATION_JSON)
				.content(TestSnapshots.bytes(document)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return UUID.fromString(TestSnapshots.JSON.readTree(body).at("/tenants/0/id").asString());
	}

}
