package ch.mspguard.gateway;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Data age (issue 13): every import confirms a gateway's data, also one that changes
 * nothing; an operator's edit does not. Past {@code hardening.stale-after} (7 days by
 * default) the gateway and its tenants are stale on the pages, in the overview's filter
 * and in the API, until the next confirming import.
 */
@IntegrationTest
class DataAgeTests {

	private static final Duration STALE_AFTER = Duration.ofDays(7);

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	TestDatabase db;

	@Autowired
	MovableClock clock;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void stalenessAppearsAfterTheConfiguredAgeAndAnImportThatChangesNothingEndsIt() throws Exception {
		ObjectNode document = TestSnapshots.load("two-tenants.json");
		List<UUID> tenants = importDocument(document);
		JsonNode fresh = api("/api/tenants/{id}", tenants.get(0));
		assertThat(fresh.get("stale").asBoolean()).isFalse();
		assertThat(fresh.get("dataConfirmedBy").asString()).isEqualTo("api");
		assertThat(fresh.get("staleSince").isNull()).isTrue();
		Instant confirmed = Instant.parse(fresh.get("dataConfirmedAt").asString());

		this.clock.advance(STALE_AFTER.minusMinutes(1));
		assertThat(api("/api/tenants/{id}", tenants.get(0)).get("stale").asBoolean()).isFalse();

		this.clock.advance(Duration.ofMinutes(2));
		JsonNode stale = api("/api/tenants/{id}", tenants.get(0));
		assertThat(stale.get("stale").asBoolean()).isTrue();
		assertThat(Instant.parse(stale.get("staleSince").asString())).isEqualTo(confirmed.plus(STALE_AFTER));
		assertThat(stale.get("status").asString()).as("the light keeps its colour")
			.isEqualTo(fresh.get("status").asString());
		UUID gatewayId = UUID.fromString(stale.get("gatewayId").asString());
		assertThat(api("/api/gateways/{id}", gatewayId).get("stale").asBoolean()).isTrue();
		assertThat(gatewayInList(gatewayId).get("stale").asBoolean()).isTrue();
		assertThat(tenantPage(tenants.get(0))).contains("stale since", "Data confirmed");
		assertThat(gatewayPage("/gateways/" + gatewayId)).contains("stale since", "Snapshot API");
		assertThat(gatewayPage("/gateways")).contains("stale since");

		List<UUID> again = importDocument(document);
		assertThat(again).isEqualTo(tenants);
		JsonNode confirmedAgain = api("/api/tenants/{id}", tenants.get(0));
		assertThat(confirmedAgain.get("stale").asBoolean()).isFalse();
		assertThat(Instant.parse(confirmedAgain.get("dataConfirmedAt").asString()))
			.isAfterOrEqualTo(confirmed.plus(STALE_AFTER));
		assertThat(tenantPage(tenants.get(0))).doesNotContain("stale since").contains("Data confirmed");
	}

	@Test
	void anOperatorsEditDoesNotConfirmTheData() throws Exception {
		List<UUID> tenants = importDocument(TestSnapshots.load("two-tenants.json"));
		UUID gatewayId = UUID.fromString(api("/api/tenants/{id}", tenants.get(0)).get("gatewayId").asString());
		Instant confirmed = confirmedAt(gatewayId);
		this.clock.advance(STALE_AFTER.plusHours(1));

		this.mvc
			.perform(post("/gateways/{id}/tenants", gatewayId).param("name", "charlie")
				.session(this.users.operatorSession(this.mvc))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());

		assertThat(this.db.count("SELECT count(*) FROM tenant WHERE gateway_id = ? AND name = 'charlie'", gatewayId))
			.isEqualTo(1);
		assertThat(confirmedAt(gatewayId)).isEqualTo(confirmed);
		assertThat(api("/api/tenants/{id}", tenants.get(0)).get("stale").asBoolean()).isTrue();
	}

	@Test
	void theOverviewsFilterListsExactlyTheStaleTenantsAndMarksThem() throws Exception {
		String prefix = "st" + UUID.randomUUID().toString().substring(0, 6);
		ObjectNode staleDocument = withTenantNames(TestSnapshots.load("two-tenants.json"), prefix + "-a",
				prefix + "-b");
		ObjectNode freshDocument = withTenantNames(TestSnapshots.load("two-tenants.json"), prefix + "-c",
				prefix + "-d");
		importDocument(staleDocument);
		importDocument(freshDocument);
		this.clock.advance(STALE_AFTER.plusDays(1));
		importDocument(freshDocument);

		MockHttpSession auditor = this.users.auditorSession(this.mvc);
		String all = overview(auditor, "/tenants?q=" + prefix);
		assertThat(tenantsOn(all)).containsExactlyInAnyOrder(prefix + "-a", prefix + "-b", prefix + "-c",
				prefix + "-d");
		assertThat(all).contains("stale since", "Stale data only");

		String stale = overview(auditor, "/tenants?stale=true&q=" + prefix);
		assertThat(tenantsOn(stale)).containsExactlyInAnyOrder(prefix + "-a", prefix + "-b");
		assertThat(countOf(stale, "data-stale")).isEqualTo(2);
		assertThat(overview(auditor, "/tenants?stale=true&q=" + prefix + "&lang=de")).contains("veraltet seit");
	}

	@Test
	void aTenantAdminSeesTheDataAgeOfTheirOwnGatewayOnly() throws Exception {
		List<UUID> own = importDocument(TestSnapshots.load("two-tenants.json"));
		List<UUID> other = importDocument(TestSnapshots.load("two-tenants.json"));
		this.clock.advance(STALE_AFTER.plusDays(1));
		UUID ownGateway = UUID.fromString(api("/api/tenants/{id}", own.get(0)).get("gatewayId").asString());
		UUID otherGateway = UUID.fromString(api("/api/tenants/{id}", other.get(0)).get("gatewayId").asString());

		JsonNode body = TestSnapshots.JSON
			.readTree(this.mvc.perform(get("/api/tenants/{id}", own.get(0)).with(this.users.tenantAdmin(own.get(0))))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString());
		assertThat(body.get("stale").asBoolean()).isTrue();
		assertThat(body.get("staleSince").isNull()).isFalse();
		assertThat(this.mvc
			.perform(get("/tenants/{id}", own.get(0)).session(this.users.tenantAdminSession(this.mvc, own.get(0))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("stale since");

		this.mvc.perform(get("/api/tenants/{id}", other.get(0)).with(this.users.tenantAdmin(own.get(0))))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/gateways/{id}", otherGateway).with(this.users.tenantAdmin(own.get(0))))
			.andExpect(status().isNotFound());
		JsonNode gateways = TestSnapshots.JSON
			.readTree(this.mvc.perform(get("/api/gateways").with(this.users.tenantAdmin(own.get(0))))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString());
		List<String> ids = new ArrayList<>();
		gateways.forEach((gateway) -> ids.add(gateway.get("id").asString()));
		assertThat(ids).containsExactly(ownGateway.toString());
		JsonNode tenantList = TestSnapshots.JSON
			.readTree(this.mvc.perform(get("/api/tenants").with(this.users.tenantAdmin(own.get(0))))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString());
		assertThat(tenantList).hasSize(1);
		assertThat(tenantList.get(0).get("stale").asBoolean()).isTrue();
	}

	private List<UUID> importDocument(ObjectNode document) throws Exception {
		String body = this.mvc
			.perform(post("/api/snapshots").with(this.users.operator())
				.contentType(MediaType.APPLICATION_JSON)
				.content(TestSnapshots.bytes(document)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<UUID> ids = new ArrayList<>();
		for (JsonNode tenant : TestSnapshots.JSON.readTree(body).get("tenants")) {
			ids.add(UUID.fromString(tenant.get("id").asString()));
		}
		return ids;
	}

	private static ObjectNode withTenantNames(ObjectNode document, String first, String second) {
		((ObjectNode) document.get("tenants").get(0)).put("name", first);
		((ObjectNode) document.get("tenants").get(1)).put("name", second);
		return document;
	}

	private JsonNode api(String path, UUID id) throws Exception {
		return TestSnapshots.JSON.readTree(this.mvc.perform(get(path, id).with(this.users.operator()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private JsonNode gatewayInList(UUID gatewayId) throws Exception {
		JsonNode list = TestSnapshots.JSON.readTree(this.mvc.perform(get("/api/gateways").with(this.users.operator()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		for (JsonNode gateway : list) {
			if (gateway.get("id").asString().equals(gatewayId.toString())) {
				return gateway;
			}
		}
		throw new AssertionError("gateway " + gatewayId + " not listed");
	}

	private String tenantPage(UUID tenantId) throws Exception {
		return gatewayPage("/tenants/" + tenantId);
	}

	private String gatewayPage(String path) throws Exception {
		return this.mvc.perform(get(path).param("lang", "en").session(this.users.auditorSession(this.mvc)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private String overview(MockHttpSession session, String url) throws Exception {
		return this.mvc.perform(get(url).session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private Instant confirmedAt(UUID gatewayId) {
		return this.db.query((jdbc) -> jdbc.sql("SELECT data_confirmed_at FROM gateway WHERE id = ?")
			.param(gatewayId)
			.query(Timestamp.class)
			.single()
			.toInstant());
	}

	private static List<String> tenantsOn(String page) {
		List<String> names = new ArrayList<>();
		Matcher matcher = Pattern.compile("data-tenant=\"([^\"]+)\"").matcher(page);
		while (matcher.find()) {
			names.add(matcher.group(1));
		}
		return names;
	}

	private static int countOf(String page, String text) {
		return page.split(Pattern.quote(text), -1).length - 1;
	}

}
