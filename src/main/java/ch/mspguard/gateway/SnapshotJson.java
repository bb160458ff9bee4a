package ch.mspguard.gateway;

import java.util.List;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a snapshot in the exchange format: every field present (null where not
 * recorded), in the order of the format's description, header values as
 * {@code <redacted>}.
 */
public final class SnapshotJson {

	private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private SnapshotJson() {
	}

	public static String write(GatewaySnapshot snapshot) {
		return MAPPER.writeValueAsString(toTree(snapshot));
	}

	public static ObjectNode toTree(GatewaySnapshot snapshot) {
		ObjectNode root = MAPPER.createObjectNode();
		root.put("format", GatewaySnapshot.FORMAT);
		root.set("gateway", gateway(snapshot.gateway()));
		ArrayNode tenants = root.putArray("tenants");
		snapshot.tenants().forEach((tenant) -> tenants.add(tenant(tenant)));
		return root;
	}

	private static ObjectNode gateway(GatewaySettings settings) {
		ObjectNode node = MAPPER.createObjectNode();
		node.put("name", settings.name());
		node.put("hostname", settings.hostname());
		node.put("hosting", json(settings.hosting()));
		node.put("requireTlsEncryption", settings.requireTlsEncryption());
		node.put("rejectSpoofedSenderDomain", settings.rejectSpoofedSenderDomain());
		networks(node, "relayingNetworks", settings.relayingNetworks());
		networks(node, "exchangeOnlineRelayingNetworks", settings.exchangeOnlineRelayingNetworks());
		if (settings.manualListEntries() == null) {
			node.putNull("manualListEntries");
		}
		else {
			ArrayNode entries = node.putArray("manualListEntries");
			for (ManualListEntry entry : settings.manualListEntries()) {
				ObjectNode item = entries.addObject();
				item.put("network", entry.network().text());
				item.put("action", entry.action().jsonValue());
				item.put("comment", entry.comment());
			}
		}
		networks(node, "smtpInboundSources", settings.smtpInboundSources());
		networks(node, "adminInboundSources", settings.adminInboundSources());
		return node;
	}

	private static ObjectNode tenant(TenantConfig tenant) {
		ObjectNode node = MAPPER.createObjectNode();
		node.put("name", tenant.name());
		node.put("displayName", tenant.displayName());
		node.put("adminEmail", tenant.adminEmail());
		node.put("mailServerTls", json(tenant.mailServerTls()));
		node.put("vpnTunnel", tenant.vpnTunnel());
		ArrayNode domains = node.putArray("domains");
		tenant.domains().forEach((domain) -> domains.add(domain(domain)));
		return node;
	}

	private static ObjectNode domain(DomainConfig domain) {
		ObjectNode node = MAPPER.createObjectNode();
		node.put("name", domain.name());
		node.put("forwardingHost", domain.forwardingHost());
		node.put("tlsLevel", json(domain.tlsLevel()));
		ArrayNode fingerprints = node.putArray("tlsFingerprints");
		domain.tlsFingerprints().forEach((fingerprint) -> fingerprints.add(fingerprint.text()));
		networks(node, "allowedSendingServers", domain.allowedSendingServers());
		node.put("headerCheck", (domain.headerCheck() != null) ? domain.headerCheck().redactedText() : null);
		node.put("exchangeOnlineTenantId",
				(domain.exchangeOnlineTenantId() != null) ? domain.exchangeOnlineTenantId().toString() : null);
		return node;
	}

	private static void networks(ObjectNode node, String field, List<Network> networks) {
		if (networks == null) {
			node.putNull(field);
			return;
		}
		ArrayNode array = node.putArray(field);
		networks.forEach((network) -> array.add(network.text()));
	}

	private static String json(JsonEnum value) {
		return (value != null) ? value.jsonValue() : null;
	}

}
