package ch.mspguard.seppmail;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import ch.mspguard.gateway.ConfigurationValidator;
import ch.mspguard.gateway.DomainConfig;
import ch.mspguard.gateway.Fingerprint;
import ch.mspguard.gateway.HeaderChecks;
import ch.mspguard.gateway.Network;
import ch.mspguard.gateway.SnapshotInvalidException;
import ch.mspguard.gateway.TenantConfig;
import ch.mspguard.gateway.TlsLevel;
import ch.mspguard.gateway.UnassignedTenants;
import ch.mspguard.gateway.ValidationError;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;

/**
 * Maps the responses of {@code GET /customer} and {@code GET /mailsystem/manageddomain}
 * to tenants and domains. Reading is tolerant (field names in any case, empty strings for
 * unset values, numbers as strings); the values themselves pass the same
 * {@link ConfigurationValidator} as a snapshot, and any problem rejects the whole
 * document with every error's JSON pointer ({@code /customer/...},
 * {@code /mailsystem/manageddomain/...}).
 */
@Component
class SeppmailMapping {

	/** SEPPmail's built-in customers and the tenants they become. */
	static final Map<String, String> BUILT_IN = Map.of("[none]", UnassignedTenants.NONE, "[default]",
			UnassignedTenants.DEFAULT);

	private final HeaderChecks headerChecks;

	SeppmailMapping(HeaderChecks headerChecks) {
		this.headerChecks = headerChecks;
	}

	/**
	 * @throws SnapshotInvalidException with every problem of both documents
	 */
	ApiConfiguration map(byte[] customers, byte[] domains) {
		List<ValidationError> errors = new ArrayList<>();
		JsonNode customerTree = parse(customers, ApiDocument.CUSTOMERS, errors);
		JsonNode domainTree = parse(domains, ApiDocument.DOMAINS, errors);
		if (!errors.isEmpty()) {
			throw new SnapshotInvalidException(errors);
		}
		return map(customerTree, domainTree);
	}

	/** The document, or null with its problem added to {@code errors}. */
	private static JsonNode parse(byte[] bytes, String at, List<ValidationError> errors) {
		try {
			return ApiDocument.parse(bytes, at);
		}
		catch (SnapshotInvalidException ex) {
			errors.addAll(ex.errors());
			return null;
		}
	}

	ApiConfiguration map(JsonNode customers, JsonNode domains) {
		Run run = new Run(new ConfigurationValidator(this.headerChecks));
		run.customers(customers);
		run.domains(domains);
		run.validator.checkDomainLimit(ApiDocument.DOMAINS);
		if (!run.validator.errors().isEmpty()) {
			throw new SnapshotInvalidException(run.validator.errors());
		}
		return new ApiConfiguration(run.tenants());
	}

	/** The tenant name of a SEPPmail customer name. */
	static String tenantName(String customer) {
		return BUILT_IN.getOrDefault(customer.toLowerCase(Locale.ROOT), customer);
	}

	private record Customer(String name, String displayName, String adminEmail, List<DomainConfig> domains) {
	}

	/** One mapping of two documents, collecting tenants and errors. */
	private static final class Run {

		private final ConfigurationValidator validator;

		private final Map<String, Customer> customers = new LinkedHashMap<>();

		/**
		 * Customer names already reported as invalid, so that their domains do not repeat
		 * it.
		 */
		private final Set<String> rejected = new HashSet<>();

		private Run(ConfigurationValidator validator) {
			this.validator = validator;
		}

		List<TenantConfig> tenants() {
			return this.customers.values()
				.stream()
				.map((c) -> new TenantConfig(c.name(), c.displayName(), c.adminEmail(), null, null, c.domains()))
				.toList();
		}

		void customers(JsonNode root) {
			String at = ApiDocument.CUSTOMERS;
			if (root.isArray()) {
				this.validator.reject(at, "seppmail.customers.listOnly");
				return;
			}
			if (!isObject(root, at)) {
				return;
			}
			if (root.size() > ConfigurationValidator.MAX_TENANTS) {
				this.validator.reject(at, "limits.tenants", ConfigurationValidator.MAX_TENANTS);
				return;
			}
			for (Map.Entry<String, JsonNode> entry : root.properties()) {
				customer(entry.getKey(), entry.getValue(), at + "/" + ValidationError.segment(entry.getKey()));
			}
		}

		private void customer(String key, JsonNode node, String at) {
			if (!isObject(node, at)) {
				return;
			}
			JsonNode nameNode = Fields.get(node, "name");
			String customerName = nameNode.isString() && !nameNode.stringValue().isEmpty() ? nameNode.stringValue()
					: key;
			String name = tenant(customerName, at + "/name");
			if (name == null) {
				return;
			}
			String display = text(node, "description", at, this.validator::displayName);
			this.customers.put(customerName.toLowerCase(Locale.ROOT),
					new Customer(name, (display != null) ? display : builtInLabel(customerName),
							text(node, "adminEmail", at, this.validator::adminEmail), new ArrayList<>()));
		}

		void domains(JsonNode root) {
			String at = ApiDocument.DOMAINS;
			if (!isObject(root, at)) {
				return;
			}
			for (Map.Entry<String, JsonNode> entry : root.properties()) {
				String customerAt = at + "/" + ValidationError.segment(entry.getKey());
				Customer customer = customerFor(entry.getKey(), customerAt);
				JsonNode list = entry.getValue();
				if (!list.isArray()) {
					this.validator.reject(customerAt, "field.type", "array");
					continue;
				}
				for (int i = 0; i < list.size(); i++) {
					DomainConfig domain = domain(list.get(i), customerAt + "/" + i);
					if (customer != null && domain != null) {
						customer.domains().add(domain);
					}
				}
			}
		}

		/**
		 * The customer a list of domains belongs to; one that GET /customer left out is
		 * added.
		 */
		private Customer customerFor(String key, String at) {
			Customer known = this.customers.get(key.toLowerCase(Locale.ROOT));
			if (known != null || this.rejected.contains(key.toLowerCase(Locale.ROOT))) {
				return known;
			}
			String name = tenant(key, at);
			if (name == null) {
				return null;
			}
			Customer added = new Customer(name, builtInLabel(key), null, new ArrayList<>());
			this.customers.put(key.toLowerCase(Locale.ROOT), added);
			return added;
		}

		private String tenant(String customerName, String at) {
			String mapped = tenantName(customerName);
			String name = null;
			if (mapped.equals(customerName) && UnassignedTenants.isUnassigned(customerName)) {
				this.validator.reject(at, "seppmail.customer.reserved", customerName);
			}
			else {
				name = this.validator.tenantName(mapped, at);
			}
			if (name == null) {
				this.rejected.add(customerName.toLowerCase(Locale.ROOT));
			}
			return name;
		}

		private DomainConfig domain(JsonNode node, String at) {
			if (node.isString()) {
				this.validator.reject(at, "seppmail.domains.listOnly");
				return null;
			}
			if (!isObject(node, at)) {
				return null;
			}
			JsonNode nameNode = Fields.get(node, "domainName");
			if (Fields.isUnset(nameNode)) {
				this.validator.reject(at + "/domainName", "field.required", "domainName");
			}
			String name = text(node, "domainName", at, this.validator::domainName);
			JsonNode forwarding = Fields.get(node, "forwarding");
			String host = object(forwarding, at + "/forwarding")
					? text(forwarding, "host", at + "/forwarding", this.validator::forwardingHost) : null;
			JsonNode tls = Fields.get(node, "tls");
			boolean hasTls = object(tls, at + "/tls");
			TlsLevel level = hasTls ? text(tls, "level", at + "/tls",
					(raw, where) -> this.validator.tlsLevel(raw.toLowerCase(Locale.ROOT), where)) : null;
			List<Fingerprint> fingerprints = hasTls
					? fingerprints(Fields.get(tls, "fingerprints"), at + "/tls/fingerprints") : List.of();
			List<Network> servers = sendingServers(Fields.get(node, "sendingServers"), at + "/sendingServers");
			var header = text(node, "requestedHeader", at, this.validator::headerCheck);
			UUID tenantId = text(node, "requestedTenantID", at, this.validator::exchangeOnlineTenantId);
			return (name != null) ? new DomainConfig(name, host, level, fingerprints, servers, header, tenantId) : null;
		}

		private List<Fingerprint> fingerprints(JsonNode list, String at) {
			List<Fingerprint> result = new ArrayList<>();
			if (Fields.isUnset(list) || !isArray(list, at)) {
				return result;
			}
			for (int i = 0; i < list.size(); i++) {
				Fingerprint fingerprint = string(list.get(i), at + "/" + i, this.validator::fingerprint);
				if (fingerprint != null) {
					result.add(fingerprint);
				}
			}
			return result;
		}

		private List<Network> sendingServers(JsonNode list, String at) {
			List<Network> result = new ArrayList<>();
			if (Fields.isUnset(list) || !isArray(list, at)) {
				return result;
			}
			for (int i = 0; i < list.size(); i++) {
				Network network = sendingServer(list.get(i), at + "/" + i);
				if (network != null) {
					result.add(network);
				}
			}
			return result;
		}

		/**
		 * {@code {ip, netmask}} (IPv4) or {@code {ip, prefix}} (IPv6); no length means
		 * one address.
		 */
		private Network sendingServer(JsonNode node, String at) {
			if (!isObject(node, at)) {
				return null;
			}
			JsonNode ip = Fields.get(node, "ip");
			if (Fields.isUnset(ip)) {
				this.validator.reject(at + "/ip", "field.required", "ip");
				return null;
			}
			if (!ip.isString()) {
				this.validator.reject(at + "/ip", "field.type", "string");
				return null;
			}
			JsonNode length = Fields.get(node, "netmask");
			String lengthAt = at + "/netmask";
			if (Fields.isUnset(length)) {
				length = Fields.get(node, "prefix");
				lengthAt = at + "/prefix";
			}
			String prefix = prefix(length, lengthAt);
			if (prefix == null && !Fields.isUnset(length)) {
				return null;
			}
			String text = ip.stringValue().strip() + ((prefix != null) ? "/" + prefix : "");
			return this.validator.network(text, at);
		}

		/** The prefix length as text, null when unset or invalid (then with an error). */
		private String prefix(JsonNode length, String at) {
			if (Fields.isUnset(length)) {
				return null;
			}
			if (length.isIntegralNumber()
					|| (length.isString() && length.stringValue().strip().matches("[0-9]{1,3}"))) {
				return length.isIntegralNumber() ? String.valueOf(length.longValue()) : length.stringValue().strip();
			}
			this.validator.reject(at, "seppmail.prefix", length.toString());
			return null;
		}

		/** A string field checked by one of the validator's rules; unset means null. */
		private <T> T text(JsonNode node, String field, String at, Rule<T> rule) {
			JsonNode value = Fields.get(node, field);
			return Fields.isUnset(value) ? null : string(value, at + "/" + field, rule);
		}

		private <T> T string(JsonNode value, String at, Rule<T> rule) {
			if (!value.isString()) {
				this.validator.reject(at, "field.type", "string");
				return null;
			}
			return rule.apply(value.stringValue(), at);
		}

		private boolean object(JsonNode node, String at) {
			return !Fields.isUnset(node) && isObject(node, at);
		}

		private boolean isObject(JsonNode node, String at) {
			if (!node.isObject()) {
				this.validator.reject(at, "field.type", "object");
				return false;
			}
			return true;
		}

		private boolean isArray(JsonNode node, String at) {
			if (!node.isArray()) {
				this.validator.reject(at, "field.type", "array");
				return false;
			}
			return true;
		}

		private static String builtInLabel(String customerName) {
			return BUILT_IN.containsKey(customerName.toLowerCase(Locale.ROOT)) ? customerName : null;
		}

	}

	@FunctionalInterface
	private interface Rule<T> {

		T apply(String raw, String at);

	}

}
