package ch.mspguard.gateway;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;

/**
 * Walks a snapshot document that may be invalid, builds the model from what it can read
 * and collects every semantic problem with its JSON pointer. Wrong types are left to the
 * schema: a value of the wrong type is skipped here.
 */
final class SnapshotTreeReader {

	static final int MAX_TENANTS = 10_000;

	static final int MAX_DOMAINS = 100_000;

	private final HeaderChecks headerChecks;

	private final List<ValidationError> errors = new ArrayList<>();

	private final Map<String, String> tenantNames = new HashMap<>();

	private final Map<String, String> domainNames = new HashMap<>();

	SnapshotTreeReader(HeaderChecks headerChecks) {
		this.headerChecks = headerChecks;
	}

	List<ValidationError> errors() {
		return this.errors;
	}

	GatewaySnapshot read(JsonNode root) {
		GatewaySettings gateway = gateway(root.path("gateway"), "/gateway");
		List<TenantConfig> tenants = new ArrayList<>();
		JsonNode tenantNodes = root.path("tenants");
		if (tenantNodes.size() > MAX_TENANTS) {
			this.errors.add(ValidationError.of("/tenants", "limits.tenants", MAX_TENANTS));
		}
		else if (tenantNodes.isArray()) {
			for (int i = 0; i < tenantNodes.size(); i++) {
				tenants.add(tenant(tenantNodes.get(i), "/tenants/" + i));
			}
		}
		if (this.domainNames.size() > MAX_DOMAINS) {
			this.errors.add(ValidationError.of("/tenants", "limits.domains", MAX_DOMAINS));
		}
		return new GatewaySnapshot(gateway, tenants);
	}

	private GatewaySettings gateway(JsonNode node, String at) {
		return new GatewaySettings(value(node, "name", at, Names::gateway), value(node, "hostname", at, Names::host),
				value(node, "hosting", at, (text) -> JsonEnum.fromJson(Hosting.class, text).orElse(null)),
				bool(node, "requireTlsEncryption"), bool(node, "rejectSpoofedSenderDomain"),
				networks(node, "relayingNetworks", at), networks(node, "exchangeOnlineRelayingNetworks", at),
				manualListEntries(node, at + "/manualListEntries"), networks(node, "smtpInboundSources", at),
				networks(node, "adminInboundSources", at));
	}

	private List<ManualListEntry> manualListEntries(JsonNode gateway, String at) {
		JsonNode entries = gateway.path("manualListEntries");
		if (!entries.isArray()) {
			return null;
		}
		List<ManualListEntry> result = new ArrayList<>();
		for (int i = 0; i < entries.size(); i++) {
			JsonNode entry = entries.get(i);
			String entryAt = at + "/" + i;
			Network network = value(entry, "network", entryAt, Network::parse);
			ListAction action = value(entry, "action", entryAt,
					(text) -> JsonEnum.fromJson(ListAction.class, text).orElse(null));
			String comment = value(entry, "comment", entryAt, (text) -> Names.text(text, 500));
			if (network != null && action != null) {
				result.add(new ManualListEntry(network, action, comment));
			}
		}
		return result;
	}

	private TenantConfig tenant(JsonNode node, String at) {
		String name = value(node, "name", at, Names::tenant);
		if (name != null) {
			unique(this.tenantNames, name.toLowerCase(Locale.ROOT), at + "/name", "tenant.duplicate", name);
		}
		List<DomainConfig> domains = new ArrayList<>();
		JsonNode domainNodes = node.path("domains");
		for (int i = 0; domainNodes.isArray() && i < domainNodes.size(); i++) {
			domains.add(domain(domainNodes.get(i), at + "/domains/" + i));
		}
		return new TenantConfig(name, value(node, "displayName", at, (text) -> Names.text(text, 200)),
				value(node, "adminEmail", at, Names::email),
				value(node, "mailServerTls", at, (text) -> JsonEnum.fromJson(MailServerTls.class, text).orElse(null)),
				bool(node, "vpnTunnel"), domains);
	}

	private DomainConfig domain(JsonNode node, String at) {
		String name = value(node, "name", at, Names::domain);
		if (name != null) {
			unique(this.domainNames, name, at + "/name", "domain.duplicate", name);
		}
		List<Fingerprint> fingerprints = list(node, "tlsFingerprints", at, Fingerprint::parse);
		List<Network> servers = list(node, "allowedSendingServers", at, Network::parse);
		return new DomainConfig(name, value(node, "forwardingHost", at, Names::host),
				value(node, "tlsLevel", at, (text) -> JsonEnum.fromJson(TlsLevel.class, text).orElse(null)),
				(fingerprints != null) ? fingerprints : List.of(), (servers != null) ? servers : List.of(),
				value(node, "headerCheck", at, this.headerChecks::parse),
				value(node, "exchangeOnlineTenantId", at, SnapshotTreeReader::uuid));
	}

	private void unique(Map<String, String> seen, String key, String at, String code, String name) {
		String first = seen.putIfAbsent(key, at);
		if (first != null) {
			this.errors.add(ValidationError.of(at, code, name, first));
		}
	}

	private static UUID uuid(String text) {
		if (!text.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) {
			throw new InvalidValueException("uuid.invalid", text);
		}
		return UUID.fromString(text);
	}

	private static Boolean bool(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return value.isBoolean() ? value.booleanValue() : null;
	}

	private List<Network> networks(JsonNode node, String field, String at) {
		return list(node, field, at, Network::parse);
	}

	/**
	 * The parsed elements of a list of strings, or null when the field is missing or
	 * null.
	 */
	private <T> List<T> list(JsonNode node, String field, String at, Function<String, T> parser) {
		JsonNode items = node.path(field);
		if (!items.isArray()) {
			return null;
		}
		List<T> result = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			T item = parse(items.get(i), at + "/" + field + "/" + i, parser);
			if (item != null) {
				result.add(item);
			}
		}
		return result;
	}

	private <T> T value(JsonNode node, String field, String at, Function<String, T> parser) {
		return parse(node.path(field), at + "/" + field, parser);
	}

	private <T> T parse(JsonNode value, String at, Function<String, T> parser) {
		if (!value.isString()) {
			return null;
		}
		try {
			return parser.apply(value.stringValue());
		}
		catch (InvalidValueException ex) {
			this.errors.add(ValidationError.of(at, ex.code(), ex.arguments()));
			return null;
		}
	}

}
