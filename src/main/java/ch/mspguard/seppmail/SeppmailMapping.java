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
import ch.mspguard.gateway.JsonEnum;
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
 * unset values, numbers as strings, the shapes PowerShell writes, text mis-decoded as
 * Latin-1). The values the checklist evaluates (customer and domain names, forwarding
 * host, TLS level and fingerprints, sending servers, header check, Exchange Online tenant
 * id) pass the same {@link ConfigurationValidator} as a snapshot, and any problem rejects
 * the whole document with every error's JSON pointer ({@code /customer/...},
 * {@code /mailsystem/manageddomain/...}). A bad informational value (description, admin
 * e-mail, appliance admins, forwarding port, "no MX lookup", smarthost) is left "not
 * recorded" and reported as a warning with its pointer instead. Secrets of the answer
 * (LDAP bind passwords, DKIM private keys) are never read.
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
		return map(customers, domains, null);
	}

	/**
	 * @param domainCustomer the customer of domains whose document does not say it (an
	 * array of domains saved from PowerShell), or null
	 * @throws SnapshotInvalidException with every problem of both documents
	 */
	ApiConfiguration map(byte[] customers, byte[] domains, String domainCustomer) {
		List<ValidationError> errors = new ArrayList<>();
		JsonNode customerTree = parse(customers, ApiDocument.CUSTOMERS, errors);
		JsonNode domainTree = parse(domains, ApiDocument.DOMAINS, errors);
		if (!errors.isEmpty()) {
			throw new SnapshotInvalidException(errors);
		}
		return map(customerTree, domainTree, domainCustomer);
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
		return map(customers, domains, null);
	}

	ApiConfiguration map(JsonNode customers, JsonNode domains, String domainCustomer) {
		PowerShellShapes.Result customerShape = PowerShellShapes.customers(customers);
		PowerShellShapes.Result domainShape = PowerShellShapes.domains(domains,
				(domainCustomer != null && !domainCustomer.isBlank()) ? domainCustomer.strip() : null);
		Run run = new Run(new ConfigurationValidator(this.headerChecks), new ConfigurationValidator(this.headerChecks));
		List<ValidationError> errors = new ArrayList<>();
		if (customerShape.error() != null) {
			errors.add(customerShape.error());
		}
		else {
			run.customers(customerShape.root());
		}
		if (domainShape.error() != null) {
			errors.add(domainShape.error());
		}
		else {
			run.domains(domainShape.root());
		}
		run.validator.checkDomainLimit(ApiDocument.DOMAINS);
		errors.addAll(run.validator.errors());
		if (!errors.isEmpty()) {
			throw new SnapshotInvalidException(errors);
		}
		return new ApiConfiguration(run.tenants(), run.info.errors());
	}

	/** The tenant name of a SEPPmail customer name. */
	static String tenantName(String customer) {
		return BUILT_IN.getOrDefault(customer.toLowerCase(Locale.ROOT), customer);
	}

	private record Customer(String name, String displayName, String adminEmail, List<String> admins,
			List<DomainConfig> domains) {
	}

	/** One mapping of two documents, collecting tenants, errors and warnings. */
	private static final class Run {

		/** Problems of the values the checklist evaluates: they refuse the import. */
		private final ConfigurationValidator validator;

		/** Problems of informational values and repairs: warnings. */
		private final ConfigurationValidator info;

		private final Map<String, Customer> customers = new LinkedHashMap<>();

		/**
		 * Customer names already reported as invalid, so that their domains do not repeat
		 * it.
		 */
		private final Set<String> rejected = new HashSet<>();

		private Run(ConfigurationValidator validator, ConfigurationValidator info) {
			this.validator = validator;
			this.info = info;
		}

		List<TenantConfig> tenants() {
			return this.customers.values()
				.stream()
				.map((c) -> new TenantConfig(c.name(), c.displayName(), c.adminEmail(), null, null, c.domains(),
						c.admins()))
				.toList();
		}

		void customers(JsonNode root) {
			String at = ApiDocument.CUSTOMERS;
			if (!isObject(root, at, this.validator)) {
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
			if (!isObject(node, at, this.validator)) {
				return;
			}
			JsonNode nameNode = Fields.get(node, "name");
			String customerName = nameNode.isString() && !nameNode.stringValue().isEmpty() ? nameNode.stringValue()
					: key;
			String name = tenant(customerName, at + "/name");
			if (name == null) {
				return;
			}
			String display = text(node, "description", at, this.info, this.info::displayName);
			this.customers.put(customerName.toLowerCase(Locale.ROOT),
					new Customer(name, (display != null) ? display : builtInLabel(customerName),
							text(node, "adminEmail", at, this.info, this.info::adminEmail), admins(node, at),
							new ArrayList<>()));
		}

		/**
		 * The customer's admins on the appliance; bad entries are left out with a
		 * warning.
		 */
		private List<String> admins(JsonNode node, String at) {
			List<String> result = new ArrayList<>();
			JsonNode list = Fields.get(node, "admins");
			if (Fields.isUnset(list) || !isArray(list, at + "/admins", this.info)) {
				return result;
			}
			for (int i = 0; i < list.size() && i < ConfigurationValidator.MAX_TENANTS; i++) {
				String admin = string(list.get(i), at + "/admins/" + i, this.info, this.info::adminEmail);
				if (admin != null) {
					result.add(admin);
				}
			}
			return result;
		}

		void domains(JsonNode root) {
			String at = ApiDocument.DOMAINS;
			if (!isObject(root, at, this.validator)) {
				return;
			}
			for (Map.Entry<String, JsonNode> entry : root.properties()) {
				String customerAt = at + "/" + ValidationError.segment(entry.getKey());
				Customer customer = customerFor(entry.getKey(), customerAt);
				JsonNode list = entry.getValue();
				if (!isArray(list, customerAt, this.validator)) {
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
			Customer added = new Customer(name, builtInLabel(key), null, List.of(), new ArrayList<>());
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
			if (node.isString() && !PowerShellShapes.isShallow(node)) {
				this.validator.reject(at, "seppmail.domains.listOnly");
				return null;
			}
			if (!isObject(node, at, this.validator)) {
				return null;
			}
			JsonNode nameNode = Fields.get(node, "domainName");
			if (Fields.isUnset(nameNode)) {
				this.validator.reject(at + "/domainName", "field.required", "domainName");
			}
			String name = text(node, "domainName", at, this.validator, this.validator::domainName);
			JsonNode forwarding = Fields.get(node, "forwarding");
			boolean hasForwarding = object(forwarding, at + "/forwarding", this.validator);
			String host = hasForwarding
					? text(forwarding, "host", at + "/forwarding", this.validator, this.validator::forwardingHost)
					: null;
			Integer port = hasForwarding ? port(Fields.get(forwarding, "port"), at + "/forwarding/port") : null;
			Boolean noMxLookup = hasForwarding
					? flag(Fields.get(forwarding, "noMXLookup"), at + "/forwarding/noMXLookup") : null;
			JsonNode tls = Fields.get(node, "tls");
			boolean hasTls = object(tls, at + "/tls", this.validator);
			String rawLevel = hasTls ? text(tls, "level", at + "/tls", this.validator, (raw, where) -> raw) : null;
			TlsLevel level = (rawLevel != null)
					? JsonEnum.fromJson(TlsLevel.class, rawLevel.strip().toLowerCase(Locale.ROOT)).orElse(null) : null;
			String unknownLevel = (rawLevel != null && level == null)
					? this.validator.unknownTlsLevel(rawLevel, at + "/tls/level") : null;
			if (unknownLevel != null) {
				this.info.reject(at + "/tls/level", "seppmail.tlsLevel.unknown", unknownLevel);
			}
			List<Fingerprint> fingerprints = hasTls
					? fingerprints(Fields.get(tls, "fingerprints"), at + "/tls/fingerprints") : List.of();
			List<Network> servers = sendingServers(Fields.get(node, "sendingServers"), at + "/sendingServers");
			var header = text(node, "requestedHeader", at, this.validator, this.validator::headerCheck);
			UUID tenantId = text(node, "requestedTenantID", at, this.validator, this.validator::exchangeOnlineTenantId);
			String smarthost = smarthost(Fields.get(node, "smarthost"), at + "/smarthost");
			return (name != null) ? new DomainConfig(name, host, level, fingerprints, servers, header, tenantId,
					unknownLevel, port, noMxLookup, smarthost) : null;
		}

		/** A port 0–65535 as a number or numeric text; anything else is a warning. */
		private Integer port(JsonNode value, String at) {
			if (Fields.isUnset(value)) {
				return null;
			}
			String text = value.isIntegralNumber() ? String.valueOf(value.longValue())
					: value.isString() ? value.stringValue().strip() : "";
			if (text.matches("[0-9]{1,5}") && Integer.parseInt(text) <= 65535) {
				return Integer.valueOf(text);
			}
			this.info.reject(at, "seppmail.port", shown(value));
			return null;
		}

		/** true/false as a boolean or text; anything else is a warning. */
		private Boolean flag(JsonNode value, String at) {
			if (Fields.isUnset(value)) {
				return null;
			}
			if (value.isBoolean()) {
				return value.booleanValue();
			}
			if (value.isString() && value.stringValue().strip().matches("(?i)true|false")) {
				return Boolean.valueOf(value.stringValue().strip());
			}
			this.info.reject(at, "field.type", "true / false");
			return null;
		}

		private String smarthost(JsonNode node, String at) {
			if (!object(node, at, this.info)) {
				return null;
			}
			return text(node, "host", at, this.info, this.info::forwardingHost);
		}

		private List<Fingerprint> fingerprints(JsonNode list, String at) {
			List<Fingerprint> result = new ArrayList<>();
			if (Fields.isUnset(list) || !isArray(list, at, this.validator)) {
				return result;
			}
			for (int i = 0; i < list.size(); i++) {
				Fingerprint fingerprint = string(list.get(i), at + "/" + i, this.validator,
						this.validator::fingerprint);
				if (fingerprint != null) {
					result.add(fingerprint);
				}
			}
			return result;
		}

		private List<Network> sendingServers(JsonNode list, String at) {
			List<Network> result = new ArrayList<>();
			if (Fields.isUnset(list) || !isArray(list, at, this.validator)) {
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
			if (!isObject(node, at, this.validator)) {
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

		/**
		 * A string field checked by one of the validators' rules; unset means null.
		 * @param report where its problems go: errors or warnings
		 */
		private <T> T text(JsonNode node, String field, String at, ConfigurationValidator report, Rule<T> rule) {
			JsonNode value = Fields.get(node, field);
			return Fields.isUnset(value) ? null : string(value, at + "/" + field, report, rule);
		}

		private <T> T string(JsonNode value, String at, ConfigurationValidator report, Rule<T> rule) {
			if (PowerShellShapes.isShallow(value)) {
				report.reject(at, "seppmail.powershell.shallow", PowerShellShapes.SHALLOW_EXAMPLE);
				return null;
			}
			if (!value.isString()) {
				report.reject(at, "field.type", "string");
				return null;
			}
			return rule.apply(repaired(value.stringValue(), at), at);
		}

		/**
		 * The text, repaired when it is UTF-8 that was read as Latin-1 and the repair is
		 * unambiguous; either way with a warning that names no value (it may be a header
		 * check's secret).
		 */
		private String repaired(String text, String at) {
			if (!MisdecodedText.isSuspicious(text)) {
				return text;
			}
			String repaired = MisdecodedText.repair(text);
			this.info.reject(at, (repaired != null) ? "seppmail.text.repaired" : "seppmail.text.misdecoded");
			return (repaired != null) ? repaired : text;
		}

		private boolean object(JsonNode node, String at, ConfigurationValidator report) {
			return !Fields.isUnset(node) && isObject(node, at, report);
		}

		private boolean isObject(JsonNode node, String at, ConfigurationValidator report) {
			if (!node.isObject()) {
				typeError(node, at, report, "object");
				return false;
			}
			return true;
		}

		private boolean isArray(JsonNode node, String at, ConfigurationValidator report) {
			if (!node.isArray()) {
				typeError(node, at, report, "array");
				return false;
			}
			return true;
		}

		/** PowerShell's shallow ConvertTo-Json gets its own explanation. */
		private static void typeError(JsonNode node, String at, ConfigurationValidator report, String expected) {
			if (PowerShellShapes.isShallow(node)) {
				report.reject(at, "seppmail.powershell.shallow", PowerShellShapes.SHALLOW_EXAMPLE);
			}
			else {
				report.reject(at, "field.type", expected);
			}
		}

		/** A short rendering of a value for a message. */
		private static String shown(JsonNode value) {
			String text = value.isString() ? value.stringValue() : value.toString();
			return (text.length() > 40) ? text.substring(0, 40) + "…" : text;
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
