package ch.mspguard.checklist;

import java.util.UUID;

import ch.mspguard.TestSnapshots;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

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

}
