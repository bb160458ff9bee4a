package ch.mspguard.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;

/**
 * Walks a snapshot document that may be invalid, builds the model from what it can read
 * and collects every semantic problem with its JSON pointer; the rules themselves are the
 * {@link ConfigurationValidator}'s. Wrong types are left to the schema: a value of the
 * wrong type is skipped here.
 */
final class SnapshotTreeReader {

	private final ConfigurationValidator validator;

	SnapshotTreeReader(HeaderChecks headerChecks) {
		this.validator = new ConfigurationValidator(headerChecks);
	}

	List<ValidationError> errors() {
		return this.validator.errors();
	}

	GatewaySnapshot read(JsonNode root) {
		GatewaySettings gateway = gateway(root.path("gateway"), "/gateway");
		List<TenantConfig> tenants = new ArrayList<>();
		JsonNode tenantNodes = root.path("tenants");
		if (tenantNodes.size() > ConfigurationValidator.MAX_TENANTS) {
			this.validator.reject("/tenants", "limits.tenants", ConfigurationValidator.MAX_TENANTS);
		}
		else if (tenantNodes.isArray()) {
			for (int i = 0; i < tenantNodes.size(); i++) {
				tenants.add(tenant(tenantNodes.get(i), "/tenants/" + i));
			}
		}
		this.validator.checkDomainLimit("/tenants");
		return new GatewaySnapshot(gateway, tenants);
	}

	private GatewaySettings gateway(JsonNode node, String at) {
		return new GatewaySettings(parse(node, "name", at, Names::gateway), parse(node, "hostname", at, Names::host),
				parse(node, "hosting", at, (text) -> JsonEnum.fromJson(Hosting.class, text).orElse(null)),
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
			Network network = parse(entry, "network", entryAt, Network::parse);
			ListAction action = parse(entry, "action", entryAt,
					(text) -> JsonEnum.fromJson(ListAction.class, text).orElse(null));
			String comment = parse(entry, "comment", entryAt, (text) -> Names.text(text, 500));
			if (network != null && action != null) {
				result.add(new ManualListEntry(network, action, comment));
			}
		}
		return result;
	}

	private TenantConfig tenant(JsonNode node, String at) {
		String name = value(node, "name", at, this.validator::tenantName);
		List<DomainConfig> domains = new ArrayList<>();
		JsonNode domainNodes = node.path("domains");
		for (int i = 0; domainNodes.isArray() && i < domainNodes.size(); i++) {
			domains.add(domain(domainNodes.get(i), at + "/domains/" + i));
		}
		return new TenantConfig(name, value(node, "displayName", at, this.validator::displayName),
				value(node, "adminEmail", at, this.validator::adminEmail),
				parse(node, "mailServerTls", at, (text) -> JsonEnum.fromJson(MailServerTls.class, text).orElse(null)),
				bool(node, "vpnTunnel"), domains);
	}

	private DomainConfig domain(JsonNode node, String at) {
		String name = value(node, "name", at, this.validator::domainName);
		List<Fingerprint> fingerprints = list(node, "tlsFingerprints", at, this.validator::fingerprint);
		List<Network> servers = list(node, "allowedSendingServers", at, this.validator::network);
		return new DomainConfig(name, value(node, "forwardingHost", at, this.validator::forwardingHost),
				value(node, "tlsLevel", at, this.validator::tlsLevel),
				(fingerprints != null) ? fingerprints : List.of(), (servers != null) ? servers : List.of(),
				value(node, "headerCheck", at, this.validator::headerCheck),
				value(node, "exchangeOnlineTenantId", at, this.validator::exchangeOnlineTenantId));
	}

	private static Boolean bool(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return value.isBoolean() ? value.booleanValue() : null;
	}

	private List<Network> networks(JsonNode node, String field, String at) {
		return list(node, field, at, this.validator::network);
	}

	/**
	 * The parsed elements of a list of strings, or null when the field is missing or
	 * null.
	 */
	private <T> List<T> list(JsonNode node, String field, String at, BiFunction<String, String, T> rule) {
		JsonNode items = node.path(field);
		if (!items.isArray()) {
			return null;
		}
		List<T> result = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			T item = text(items.get(i), at + "/" + field + "/" + i, rule);
			if (item != null) {
				result.add(item);
			}
		}
		return result;
	}

	/** A string field checked by one of the validator's rules. */
	private static <T> T value(JsonNode node, String field, String at, BiFunction<String, String, T> rule) {
		return text(node.path(field), at + "/" + field, rule);
	}

	private <T> T parse(JsonNode node, String field, String at, Function<String, T> parser) {
		return value(node, field, at, (raw, where) -> this.validator.parse(raw, where, parser));
	}

	private static <T> T text(JsonNode value, String at, BiFunction<String, String, T> rule) {
		return value.isString() ? rule.apply(value.stringValue(), at) : null;
	}

}
