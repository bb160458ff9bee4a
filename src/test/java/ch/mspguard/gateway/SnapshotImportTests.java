package ch.mspguard.gateway;

import java.util.Arrays;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import ch.mspguard.IntegrationTest;
import ch.mspguard.TestDatabase;
import ch.mspguard.TestSnapshots;
import ch.mspguard.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class SnapshotImportTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	TestDatabase db;

	@Test
	void importAnswersWithGatewayAndTenantIds() throws Exception {
		ObjectNode document = TestSnapshots.load("two-tenants.json");
		this.mvc.perform(importing(document))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.gateway.name").value(TestSnapshots.gatewayName(document)))
			.andExpect(jsonPath("$.gateway.id").isString())
			.andExpect(jsonPath("$.tenants[0].name").value("acme"))
			.andExpect(jsonPath("$.tenants[1].name").value("bravo"))
			.andExpect(jsonPath("$.tenants[1].id").isString())
			.andExpect(jsonPath("$.removed.tenants").isEmpty());
		assertThat(count("SELECT count(*) FROM managed_domain d JOIN gateway g ON g.id = d.gateway_id WHERE g.name = ?",
				TestSnapshots.gatewayName(document)))
			.isEqualTo(3);
	}

	@Test
	void headerValueIsNeverStored() throws Exception {
		ObjectNode document = TestSnapshots.load("two-tenants.json");
		this.mvc.perform(importing(document)).andExpect(status().isOk());
		String dump = this.db.query((jdbc) -> jdbc
			.sql("SELECT string_agg(d::text, '|') FROM managed_domain d JOIN gateway g "
					+ "ON g.id = d.gateway_id WHERE g.name = ?")
			.param(TestSnapshots.gatewayName(document))
			.query(String.class)
			.single());
		assertThat(dump).contains("X-Acme-Relay").doesNotContain("s3cret");
	}

	@Test
	void exportOfAnImportEqualsTheInputApartFromTheHeaderValue() throws Exception {
		ObjectNode document = TestSnapshots.load("two-tenants.json");
		UUID gatewayId = gatewayId(this.mvc.perform(importing(document)).andExpect(status().isOk()).andReturn());
		JsonNode exported = TestSnapshots.JSON
			.readTree(this.mvc.perform(get("/api/gateways/{id}/snapshot", gatewayId).with(this.users.auditor()))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString());
		domain(document, 0, 1).put("headerCheck", "X-Acme-Relay:<redacted>");
		assertThat(exported).isEqualTo(document);
	}

	@Test
	void exportNormalisesNetworksSoThatNormalisedInputRoundTrips() throws Exception {
		ObjectNode document = TestSnapshots.load("two-tenants.json");
		servers(domain(document, 1, 0), "203.0.113.77/24", "2001:DB8:0:0::1/128", "ANY", "2001:db8:abcd::/47");
		UUID gatewayId = gatewayId(this.mvc.perform(importing(document)).andExpect(status().isOk()).andReturn());
		this.mvc.perform(get("/api/gateways/{id}/snapshot", gatewayId).with(this.users.operator()))
			.andExpect(jsonPath("$.tenants[1].domains[0].allowedSendingServers[0]").value("203.0.113.0/24"))
			.andExpect(jsonPath("$.tenants[1].domains[0].allowedSendingServers[1]").value("2001:db8::1"))
			.andExpect(jsonPath("$.tenants[1].domains[0].allowedSendingServers[2]").value("any"))
			.andExpect(jsonPath("$.tenants[1].domains[0].allowedSendingServers[3]").value("2001:db8:abcc::/47"));
	}

	@Test
	void reimportReplacesTheGatewaysConfiguration() throws Exception {
		ObjectNode document = TestSnapshots.load("two-tenants.json");
		MvcResult first = this.mvc.perform(importing(document)).andExpect(status().isOk()).andReturn();
		UUID gatewayId = gatewayId(first);
		UUID acme = UUID.fromString(
				TestSnapshots.JSON.readTree(first.getResponse().getContentAsString()).at("/tenants/0/id").asString());
		UUID bravo = UUID.fromString(
				TestSnapshots.JSON.readTree(first.getResponse().getContentAsString()).at("/tenants/1/id").asString());
		this.users.ensure(this.users.tenantAdminName(bravo), ch.mspguard.tenant.Role.TENANT_ADMIN, bravo);
		((ArrayNode) document.get("tenants")).remove(1);
		((ArrayNode) document.get("tenants").get(0).get("domains")).remove(1);
		domain(document, 0, 0).put("tlsLevel", "secure");

		this.mvc.perform(importing(document))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.tenants.length()").value(1))
			.andExpect(jsonPath("$.tenants[0].id").value(acme.toString()))
			.andExpect(jsonPath("$.removed.tenants[0]").value("bravo"))
			.andExpect(jsonPath("$.removed.domains.length()").value(2))
			.andExpect(jsonPath("$.removed.usersWithoutTenant[0]").value(this.users.tenantAdminName(bravo)));

		assertThat(count("SELECT count(*) FROM tenant WHERE gateway_id = ?", gatewayId)).isEqualTo(1);
		assertThat(count("SELECT count(*) FROM managed_domain WHERE gateway_id = ?", gatewayId)).isEqualTo(1);
		this.mvc.perform(get("/api/gateways/{id}/snapshot", gatewayId).with(this.users.operator()))
			.andExpect(jsonPath("$.tenants[0].domains[0].tlsLevel").value("secure"));
		this.mvc.perform(get("/api/tenants").with(this.users.tenantAdmin(bravo))).andExpect(status().isUnauthorized());
	}

	@Test
	void redactedHeaderValueKeepsTheStoredOne() throws Exception {
		ObjectNode document = TestSnapshots.load("two-tenants.json");
		UUID gatewayId = gatewayId(this.mvc.perform(importing(document)).andExpect(status().isOk()).andReturn());
		String before = headerHash(gatewayId, "acme-shop.example");
		domain(document, 0, 1).put("headerCheck", "X-Acme-Relay:<redacted>");
		this.mvc.perform(importing(document)).andExpect(status().isOk());
		assertThat(headerHash(gatewayId, "acme-shop.example")).isEqualTo(before);

		ObjectNode fresh = TestSnapshots.load("two-tenants.json");
		domain(fresh, 0, 1).put("headerCheck", "X-Acme-Relay:<redacted>");
		this.mvc.perform(importing(fresh))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].path").value("/tenants/0/domains/1/headerCheck"));
	}

	static Stream<Arguments> invalidDocuments() {
		return Stream.of(
				invalid("bad CIDR", "/tenants/0/domains/1/allowedSendingServers/0",
						(doc) -> servers(domain(doc, 0, 1), "192.0.2.300/24")),
				invalid("IPv4 prefix of 33", "/gateway/relayingNetworks/0",
						(doc) -> ((ArrayNode) doc.get("gateway").get("relayingNetworks")).set(0, "192.0.2.0/33")),
				invalid("fingerprint AB:CD:E", "/tenants/0/domains/0/tlsFingerprints/0",
						(doc) -> ((ArrayNode) domain(doc, 0, 0).get("tlsFingerprints")).set(0, "AB:CD:E")),
				invalid("tenant name with a space", "/tenants/1/name",
						(doc) -> ((ObjectNode) doc.get("tenants").get(1)).put("name", "bravo gmbh")),
				invalid("duplicate domain", "/tenants/1/domains/0/name",
						(doc) -> domain(doc, 1, 0).put("name", "ACME.example")),
				invalid("unknown field", "/tenants/0/domains/0/tlsLevl",
						(doc) -> domain(doc, 0, 0).put("tlsLevl", "secure")),
				invalid("non-UUID Exchange Online tenant id", "/tenants/0/domains/0/exchangeOnlineTenantId",
						(doc) -> domain(doc, 0, 0).put("exchangeOnlineTenantId", "936da01f-9abd-4d9d-80c7")),
				invalid("missing format", "/format", (doc) -> doc.remove("format")),
				invalid("wrong type", "/gateway/requireTlsEncryption",
						(doc) -> ((ObjectNode) doc.get("gateway")).put("requireTlsEncryption", "yes")));
	}

	private static Arguments invalid(String name, String path, Consumer<ObjectNode> breaker) {
		return Arguments.of(name, path, breaker);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidDocuments")
	void invalidDocumentIsRejectedNamingTheFieldAndChangesNothing(String name, String path,
			Consumer<ObjectNode> breaker) throws Exception {
		ObjectNode document = TestSnapshots.load("two-tenants.json");
		UUID gatewayId = gatewayId(this.mvc.perform(importing(document)).andExpect(status().isOk()).andReturn());
		String before = export(gatewayId);
		long evaluations = count("SELECT count(*) FROM evaluation WHERE gateway_id = ?", gatewayId);
		domain(document, 0, 0).put("tlsLevel", "none");
		breaker.accept(document);

		this.mvc.perform(importing(document))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].path").value(path))
			.andExpect(jsonPath("$.errors[0].message").isNotEmpty());

		assertThat(export(gatewayId)).isEqualTo(before);
		assertThat(count("SELECT count(*) FROM evaluation WHERE gateway_id = ?", gatewayId)).isEqualTo(evaluations);
	}

	@Test
	void bodyThatIsNotJsonIsRejected() throws Exception {
		this.mvc
			.perform(post("/api/snapshots").with(this.users.operator())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"format\": \"seppmail-hardening-snapshot/1\", gateway"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].path").value(""))
			.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("not valid JSON")));
		this.mvc
			.perform(post("/api/snapshots").with(this.users.operator())
				.contentType(MediaType.APPLICATION_JSON)
				.content("not json at all"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("not valid JSON")));
		// Without a JSON content type the body is not read at all (issue 18).
		this.mvc.perform(post("/api/snapshots").with(this.users.operator()).content("not json at all"))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("JSON only")));
	}

	@Test
	void bodyOf25MiBIsRejectedWithoutReadingIt() throws Exception {
		byte[] body = new byte[25 * 1024 * 1024];
		Arrays.fill(body, (byte) ' ');
		this.mvc
			.perform(post("/api/snapshots").with(this.users.operator())
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isPayloadTooLarge())
			.andExpect(jsonPath("$.errors[0].message").value("The document is larger than 20 MiB."));
	}

	@Test
	void errorsSpeakGermanWhenAsked() throws Exception {
		ObjectNode document = TestSnapshots.load("two-tenants.json");
		((ObjectNode) document.get("tenants").get(1)).put("name", "bravo gmbh");
		this.mvc.perform(importing(document).header("Accept-Language", "de"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message")
				.value("„bravo gmbh“ ist kein gültiger SEPPmail-Kundenname: 1 bis 100 Zeichen aus A–Z, a–z, 0–9, "
						+ "Unterstrich und Bindestrich, keine Leerzeichen."));
	}

	@Test
	void onlyOperatorsImport() throws Exception {
		ObjectNode document = TestSnapshots.load("two-tenants.json");
		this.mvc
			.perform(post("/api/snapshots").with(this.users.auditor())
				.contentType(MediaType.APPLICATION_JSON)
				.content(TestSnapshots.bytes(document)))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/api/snapshots").content(TestSnapshots.bytes(document)))
			.andExpect(status().isUnauthorized());
	}

	private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder importing(JsonNode document) {
		return post("/api/snapshots").with(this.users.operator())
			.contentType(MediaType.APPLICATION_JSON)
			.content(TestSnapshots.bytes(document));
	}

	private String export(UUID gatewayId) throws Exception {
		return this.mvc.perform(get("/api/gateways/{id}/snapshot", gatewayId).with(this.users.operator()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private String headerHash(UUID gatewayId, String domain) {
		return this.db.query((jdbc) -> jdbc
			.sql("SELECT encode(header_check_hash, 'hex') FROM managed_domain WHERE gateway_id = ? AND name = ?")
			.params(gatewayId, domain)
			.query(String.class)
			.single());
	}

	private long count(String sql, Object parameter) {
		return this.db.count(sql, parameter);
	}

	private static UUID gatewayId(MvcResult result) throws Exception {
		return UUID.fromString(
				TestSnapshots.JSON.readTree(result.getResponse().getContentAsString()).at("/gateway/id").asString());
	}

	static ObjectNode domain(JsonNode document, int tenant, int domain) {
		return (ObjectNode) document.get("tenants").get(tenant).get("domains").get(domain);
	}

	static void servers(ObjectNode domain, String... servers) {
		ArrayNode array = domain.putArray("allowedSendingServers");
		for (String server : servers) {
			array.add(server);
		}
	}

}
