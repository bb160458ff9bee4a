package ch.mspguard.checklist;

import java.time.Duration;
import java.util.UUID;

import ch.mspguard.IntegrationTest;
import ch.mspguard.MovableClock;
import ch.mspguard.TestDatabase;
import ch.mspguard.TestSnapshots;
import ch.mspguard.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static ch.mspguard.checklist.HistoryDocuments.domain;
import static ch.mspguard.checklist.HistoryDocuments.greenAcme;
import static ch.mspguard.checklist.HistoryDocuments.tenant;
import static ch.mspguard.checklist.HistoryDocuments.tenantId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every light change is recorded with its causes, every failing finding with the time
 * since it fails, and the overview finds tenants by how their light developed.
 */
@IntegrationTest
class LightHistoryTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	TestDatabase database;

	@Autowired
	MovableClock clock;

	org.springframework.mock.web.MockHttpSession session;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void aLoweredTlsLevelTurnsTheLightRedAndNamesTheChangeAsItsCause() throws Exception {
		ObjectNode document = greenAcme();
		JsonNode first = importSnapshot(document);
		UUID acme = tenantId(first, "acme");
		assertThat(history(acme).get("light").asString()).isEqualTo("GREEN");

		domain(document, "acme", "acme-shop.example").put("tlsLevel", "may");
		importSnapshot(document);

		JsonNode history = history(acme);
		assertThat(history.get("light").asString()).isEqualTo("RED");
		JsonNode change = history.get("changes").get(0);
		assertThat(change.get("before").asString()).isEqualTo("GREEN");
		assertThat(change.get("after").asString()).isEqualTo("RED");
		assertThat(change.get("worsened").asBoolean()).isTrue();
		JsonNode cause = change.get("causes").get(0);
		assertThat(cause.get("kind").asString()).isEqualTo("CONFIGURATION");
		assertThat(cause.get("subject").asString()).isEqualTo("acme-shop.example");
		assertThat(cause.get("field").asString()).isEqualTo("tlsLevel");
		assertThat(cause.get("before").asString()).isEqualTo("secure");
		assertThat(cause.get("after").asString()).isEqualTo("may");
		assertThat(cause.get("actor").asString()).isEqualTo(TestUsers.OPERATOR);
		assertThat(cause.get("text").asString())
			.isEqualTo("acme-shop.example: TLS level secure → may, changed by it-operator, API import");
		assertThat(history.get("lightSince").asString()).isEqualTo(change.get("at").asString());
		assertThat(history.get("failingSince").has("TLS-OUT|acme-shop.example")).isTrue();

		String page = page("/tenants/" + acme);
		assertThat(page).contains("Red since")
			.contains("acme-shop.example: TLS level secure → may, changed by it-operator, API import")
			.contains("failing since");
		assertThat(page("/tenants?worsened=7&gateway=" + gatewayId(acme))).contains("data-tenant=\"acme\"")
			.doesNotContain("data-tenant=\"bravo\"");

		domain(document, "acme", "acme-shop.example").put("tlsLevel", "secure");
		importSnapshot(document);
		JsonNode undone = history(acme);
		assertThat(undone.get("light").asString()).isEqualTo("GREEN");
		assertThat(undone.get("changes")).hasSize(3);
		assertThat(undone.get("changes").get(0).get("worsened").asBoolean()).isFalse();
		assertThat(undone.get("changes").get(0).get("causes").get(0).get("text").asString())
			.isEqualTo("acme-shop.example: TLS level may → secure, changed by it-operator, API import");
		assertThat(undone.get("failingSince").has("TLS-OUT|acme-shop.example")).isFalse();
	}

	@Test
	void aFindingKeepsTheTimeItStartedFailingUntilItPasses() throws Exception {
		ObjectNode document = greenAcme();
		UUID bravo = tenantId(importSnapshot(document), "bravo");
		String since = history(bravo).get("failingSince").get("TLS-OUT|bravo.example").asString();

		this.clock.advance(Duration.ofDays(10));
		tenant(document, "bravo").put("displayName", "Bravo renamed");
		importSnapshot(document);

		assertThat(history(bravo).get("failingSince").get("TLS-OUT|bravo.example").asString()).isEqualTo(since);
		String gateway = "&gateway=" + gatewayId(bravo);
		assertThat(page("/tenants?failing=5" + gateway)).contains("data-tenant=\"bravo\"");
		assertThat(page("/tenants?failing=20" + gateway)).doesNotContain("data-tenant=\"bravo\"");
		assertThat(page("/tenants?worsened=30" + gateway)).doesNotContain("data-tenant=\"bravo\"");
	}

	@Test
	void aTenantAdminReadsOwnHistoryOnlyWithoutTheGatewaysNetworksOrOtherTenants() throws Exception {
		ObjectNode document = greenAcme();
		JsonNode imported = importSnapshot(document);
		UUID acme = tenantId(imported, "acme");
		UUID bravo = tenantId(imported, "bravo");

		// A gateway-wide change that turns every tenant's light, together with a change
		// of
		// the gateway's networks and of the other tenant.
		((ObjectNode) document.get("gateway")).put("requireTlsEncryption", false);
		((ObjectNode) document.get("gateway")).putArray("relayingNetworks").add("192.0.2.0/28").add("203.0.113.0/24");
		tenant(document, "bravo").put("displayName", "Bravo secret name");
		importSnapshot(document);

		String operatorView = this.mvc
			.perform(get("/api/tenants/" + acme + "/history").with(this.users.operator())
				.accept(MediaType.APPLICATION_JSON))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(operatorView).contains("203.0.113.0/24");

		String ownView = this.mvc
			.perform(get("/api/tenants/" + acme + "/history").with(this.users.tenantAdmin(acme))
				.accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(ownView).contains("requireTlsEncryption")
			.contains("relayingNetworks")
			.contains("another tenant")
			.doesNotContain("203.0.113.0/24")
			.doesNotContain("192.0.2.0/28")
			.doesNotContain("bravo")
			.doesNotContain("Bravo");
		this.mvc
			.perform(get("/api/tenants/" + bravo + "/history").with(this.users.tenantAdmin(acme))
				.accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/tenants/" + bravo + "/history.csv").with(this.users.tenantAdmin(acme)))
			.andExpect(status().isNotFound());
		String csv = this.mvc.perform(get("/api/tenants/" + acme + "/history.csv").with(this.users.tenantAdmin(acme)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(csv).startsWith("\"tenant\",\"tenant_display_name\",\"gateway\",\"changed_at\",\"light_before\"")
			.contains("Require TLS encryption true → false")
			.doesNotContain("203.0.113.0/24")
			.doesNotContain("Bravo");
		assertThat(csv.strip()).endsWith("\"#END\",\"2\"").doesNotContain("\"bravo\"");
	}

	@Test
	void versionsAreStoredForChangesOnlyAndCompareFieldByField() throws Exception {
		ObjectNode document = greenAcme();
		UUID acme = tenantId(importSnapshot(document), "acme");
		UUID gateway = gatewayId(acme);
		importSnapshot(document);
		domain(document, "acme", "acme-shop.example").put("tlsLevel", "may");
		importSnapshot(document);

		JsonNode versions = json(get("/api/gateways/" + gateway + "/versions"));
		assertThat(versions).hasSize(2);
		assertThat(versions.get(0).get("version").asInt()).isEqualTo(2);
		assertThat(versions.get(0).get("source").asString()).isEqualTo("api");
		assertThat(versions.get(0).get("actor").asString()).isEqualTo(TestUsers.OPERATOR);

		JsonNode diff = json(get("/api/gateways/" + gateway + "/versions/1/diff/2"));
		JsonNode changed = diff.get("changedDomains").get(0);
		assertThat(changed.get("domain").asString()).isEqualTo("acme-shop.example");
		assertThat(changed.get("changes").get(0).get("field").asString()).isEqualTo("tlsLevel");
		assertThat(changed.get("changes").get(0).get("before").asString()).isEqualTo("secure");
		assertThat(changed.get("changes").get(0).get("after").asString()).isEqualTo("may");
		this.mvc.perform(get("/api/gateways/" + gateway + "/versions/1/diff/9").with(this.users.operator()))
			.andExpect(status().isNotFound());

		assertThat(page("/gateways/" + gateway + "/versions?from=1&to=2")).contains("acme-shop.example")
			.contains("Changes from version 1 to version 2");
		assertThat(page("/gateways/" + gateway + "/versions?from=1&to=7")).contains("Version 7 does not exist");
		assertThat(page("/gateways/" + gateway + "/versions?from=x&to=2"))
			.contains("Enter a version number from the list");
		assertThat(page("/gateways/" + gateway + "/versions?page=9"))
			.contains("There is no page 9 of the versions (there are 1); the first page is shown.");
	}

	@Test
	void theVersionListIsPagedAndItsPagesKeepTheComparison() throws Exception {
		ObjectNode document = greenAcme();
		UUID acme = tenantId(importSnapshot(document), "acme");
		UUID gateway = gatewayId(acme);
		for (int i = 2; i <= 51; i++) {
			domain(document, "acme", "acme-shop.example").put("forwardingHost", "mx" + i + ".acme.example");
			importSnapshot(document);
		}

		String first = page("/gateways/" + gateway + "/versions?from=1&to=51");
		assertThat(first).contains("Changes from version 1 to version 51")
			.contains("Page 1 of 2")
			.contains("versions?from=1&amp;to=51&amp;page=2#version-list");
		assertThat(first).as("the newest 50 versions")
			.contains("<td>51</td>")
			.contains("<td>2</td>")
			.doesNotContain("<td>1</td>");
		String second = page("/gateways/" + gateway + "/versions?from=1&to=51&page=2");
		assertThat(second).contains("Changes from version 1 to version 51")
			.contains("<td>1</td>")
			.doesNotContain("<td>2</td>");
	}

	private JsonNode importSnapshot(ObjectNode document) throws Exception {
		return HistoryDocuments.importSnapshot(this.mvc, this.users, document);
	}

	private JsonNode history(UUID tenant) throws Exception {
		return json(get("/api/tenants/" + tenant + "/history"));
	}

	private JsonNode json(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
			throws Exception {
		String body = this.mvc.perform(request.with(this.users.operator()).accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return TestSnapshots.JSON.readTree(body);
	}

	private String page(String path) throws Exception {
		if (this.session == null) {
			this.session = this.users.operatorSession(this.mvc);
		}
		return this.mvc.perform(get(path).session(this.session).locale(java.util.Locale.ENGLISH))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private UUID gatewayId(UUID tenant) {
		return HistoryDocuments.gatewayId(this.database, tenant);
	}

}
