package ch.mspguard.checklist;

import java.util.UUID;

import ch.mspguard.TestDatabase;
import ch.mspguard.TestSnapshots;
import ch.mspguard.TestUsers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The snapshot documents and import answers the history tests work with. */
final class HistoryDocuments {

	private HistoryDocuments() {
	}

	/**
	 * The fixture with the Exchange Online relaying networks welcomelisted too, so that
	 * the gateway passes SPOOF-WELCOME and acme starts green.
	 */
	static ObjectNode greenAcme() {
		ObjectNode document = TestSnapshots.load("two-tenants.json");
		ObjectNode gateway = (ObjectNode) document.get("gateway");
		ArrayNode entries = (ArrayNode) gateway.get("manualListEntries");
		for (JsonNode network : gateway.get("exchangeOnlineRelayingNetworks")) {
			entries.addObject().put("network", network.asString()).put("action", "accept").putNull("comment");
		}
		return document;
	}

	/** The id of a tenant in an import's answer. */
	static UUID tenantId(JsonNode imported, String name) {
		for (JsonNode tenant : imported.get("tenants")) {
			if (tenant.get("name").asString().equals(name)) {
				return UUID.fromString(tenant.get("id").asString());
			}
		}
		throw new AssertionError("No tenant " + name);
	}

	static ObjectNode tenant(ObjectNode document, String name) {
		for (JsonNode tenant : document.get("tenants")) {
			if (tenant.get("name").asString().equals(name)) {
				return (ObjectNode) tenant;
			}
		}
		throw new AssertionError("No tenant " + name);
	}

	static ObjectNode domain(ObjectNode document, String tenant, String domain) {
		for (JsonNode node : tenant(document, tenant).get("domains")) {
			if (node.get("name").asString().equals(domain)) {
				return (ObjectNode) node;
			}
		}
		throw new AssertionError("No domain " + domain);
	}

	/** Imports the document through the API as the operator; its answer. */
	static JsonNode importSnapshot(MockMvc mvc, TestUsers users, ObjectNode document) throws Exception {
		String body = mvc
			.perform(post("/api/snapshots").with(users.operator())
				.contentType(MediaType.APPLICATION_JSON)
				.content(TestSnapshots.bytes(document)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return TestSnapshots.JSON.readTree(body);
	}

	static UUID gatewayId(TestDatabase database, UUID tenant) {
		return database.query((jdbc) -> jdbc.sql("SELECT gateway_id FROM tenant WHERE id = ?")
			.param(tenant)
			.query(UUID.class)
			.single());
	}

}
