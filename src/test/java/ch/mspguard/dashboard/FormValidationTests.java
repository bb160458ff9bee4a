package ch.mspguard.dashboard;

import java.util.UUID;

import ch.mspguard.IntegrationTest;
import ch.mspguard.TestSnapshots;
import ch.mspguard.TestUsers;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every form rejects bad input at the field, with the import's message, and keeps what
 * the user typed elsewhere; nothing is saved.
 */
@IntegrationTest
class FormValidationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	MockHttpSession session;

	JsonNode imported;

	UUID tenant;

	UUID gateway;

	@BeforeEach
	void setUp() throws Exception {
		this.session = this.users.operatorSession(this.mvc);
		this.imported = TestSnapshots.JSON.readTree(this.mvc
			.perform(post("/api/snapshots").with(this.users.operator())
				.contentType(MediaType.APPLICATION_JSON)
				.content(TestSnapshots.bytes(TestSnapshots.load("two-tenants.json"))))
			.andReturn()
			.getResponse()
			.getContentAsString());
		this.tenant = UUID.fromString(this.imported.at("/tenants/0/id").asString());
		this.gateway = UUID.fromString(this.imported.at("/gateway/id").asString());
	}

	@Test
	void domainFormNamesEveryBadFieldAndKeepsTheRest() throws Exception {
		String domainPage = page(get("/tenants/" + this.tenant + "/settings")).select("a[href*=/domains/]")
			.first()
			.attr("href");
		Document form = page(get(domainPage));
		String version = form.select("input[name=version]").val();
		Document result = page(post(domainPage).param("version", version)
			.param("tlsLevel", "secure")
			.param("tlsFingerprints", "AB:CD:E")
			.param("allowedSendingServers", "192.0.2.10\n192.0.2.0/33")
			.param("headerAction", "clear")
			.param("exchangeOnlineTenantId", "not-a-uuid")
			.param("forwardingHost", "mail.acme.example")
			.with(csrf()));
		assertThat(invalid(result, "tlsFingerprints")).contains("“AB:CD:E” is not a fingerprint");
		assertThat(invalid(result, "allowedSendingServers")).contains("Line 2", "IPv4 prefix length");
		assertThat(invalid(result, "exchangeOnlineTenantId")).contains("is not a UUID");
		assertThat(result.select("select[name=tlsLevel] option[selected]").val()).isEqualTo("secure");
		assertThat(result.select("textarea[name=allowedSendingServers]").text()).contains("192.0.2.10");
		assertThat(result.select("input[name=forwardingHost]").val()).isEqualTo("mail.acme.example");
		assertThat(page(get(domainPage)).select("input[name=version]").val()).isEqualTo(version);
	}

	@Test
	void tenantFormRejectsABadAddressAndOverLongText() throws Exception {
		Document form = page(get("/tenants/" + this.tenant + "/settings"));
		Document result = page(
				post("/tenants/" + this.tenant + "/settings").param("version", form.select("input[name=version]").val())
					.param("displayName", "x".repeat(201))
					.param("adminEmail", "it at acme")
					.param("mailServerTls", "verified")
					.param("attestedBy", "Jane Auditor")
					.param("attestedOn", "2026-02-30")
					.param("evidence", "Ticket 4711: connector settings checked")
					.param("vpnTunnel", "no")
					.with(csrf()));
		assertThat(invalid(result, "displayName")).contains("At most 200 characters");
		assertThat(invalid(result, "adminEmail")).contains("is not a valid e-mail address");
		assertThat(invalid(result, "attestedOn")).contains("is not a date");
		assertThat(result.select("input[name=attestedBy]").val()).isEqualTo("Jane Auditor");
		assertThat(result.select("textarea[name=evidence]").text())
			.isEqualTo("Ticket 4711: connector settings checked");
	}

	@Test
	void gatewayFormRejectsABadNetworkInAList() throws Exception {
		Document form = page(get("/gateways/" + this.gateway));
		Document result = page(
				post("/gateways/" + this.gateway).param("version", form.select("input[name=version]").val())
					.param("hostname", "mx.example.net")
					.param("hosting", "azure")
					.param("requireTlsEncryption", "yes")
					.param("rejectSpoofedSenderDomain", "yes")
					.param("relayingNetworks.recorded", "true")
					.param("relayingNetworks.text", "192.0.2.0/24\n2001:db8::/129")
					.param("manualListEntries.recorded", "true")
					.param("manualListEntries.text", "192.0.2.0/24 allow")
					.with(csrf()));
		assertThat(invalid(result, "relayingNetworks.text")).contains("Line 2", "IPv6 prefix length");
		assertThat(invalid(result, "manualListEntries.text")).contains("accept|reject");
		assertThat(result.select("input[name=hostname]").val()).isEqualTo("mx.example.net");
	}

	@Test
	void newDomainAndNewUserFormsNameTheField() throws Exception {
		Document domain = page(post("/tenants/" + this.tenant + "/domains").param("name", "not a domain").with(csrf()));
		assertThat(invalid(domain, "name")).contains("is not a valid domain name");
		assertThat(domain.select("input[name=name]").val()).isEqualTo("not a domain");
		Document user = page(post("/users").param("username", "new.person")
			.param("password", "password")
			.param("role", "AUDITOR")
			.with(csrf()));
		assertThat(invalid(user, "password")).contains("at least 12 characters");
		assertThat(user.select("input[name=username]").val()).isEqualTo("new.person");
	}

	private Document page(MockHttpServletRequestBuilder request) throws Exception {
		return Jsoup.parse(this.mvc.perform(request.session(this.session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	/** The error text next to the field, which must be marked invalid. */
	private static String invalid(Document page, String field) {
		var input = page.select("[name=\"" + field + "\"]").first();
		assertThat(input).as(field).isNotNull();
		assertThat(input.hasClass("is-invalid")).as(field + " marked invalid").isTrue();
		return input.parent().select(".invalid-feedback").text();
	}

}
