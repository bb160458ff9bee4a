package ch.mspguard.seppmail;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a mock appliance answers to {@code GET /customer} and
 * {@code GET /mailsystem/manageddomain}, built in the API's own shapes.
 */
final class ApplianceData {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final String EXO_TENANT = "936DA01F-9ABD-4D9D-80C7-02AF85C822A8";

	static final String SHA256 = "3A:7F:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:C2";

	static final String HEADER_VALUE = "s3cret-header-value-never-stored";

	final ObjectNode customers = JSON.createObjectNode();

	final ObjectNode domains = JSON.createObjectNode();

	/**
	 * Two customers with several domains each: both IP families, a fingerprint domain, a
	 * header check, an Exchange Online domain; and a domain of the built-in customer
	 * {@code [none]}.
	 */
	static ApplianceData standard() {
		ApplianceData data = new ApplianceData();
		data.customer("acme", "ACME AG", "it@acme.ch");
		data.domain("acme", "acme.ch", "acme-ch.mail.protection.outlook.com", "secure")
			.put("requestedTenantID", EXO_TENANT)
			.set("sendingServers", data.servers().add(ipv4("10.255.255.1", 32)));
		data.domain("acme", "acme-shop.ch", "192.0.2.5", "fingerprint")
			.put("requestedHeader", "X-Acme-Relay:" + HEADER_VALUE)
			.set("sendingServers", data.servers().add(ipv4("192.0.2.5", 32)).add(ipv6("2001:db8:1::25", 128)));
		((ObjectNode) data.domain("acme", "acme-shop.ch").get("tls")).putArray("fingerprints").add(SHA256);
		data.domain("acme", "acme-lab.ch", "mail.acme-lab.ch", "verify")
			.set("sendingServers", data.servers().add(ipv4("198.51.100.0", 28)).add(ipv6("2001:db8:2::", 64)));
		data.customer("bravo", "Bravo GmbH", null);
		data.domain("bravo", "bravo.ch", "mail.bravo.ch", "secure")
			.set("sendingServers", data.servers().add(ipv4("203.0.113.10", 32)));
		data.domain("bravo", "bravo-mail.ch", "mx.bravo.ch", "secure")
			.set("sendingServers", data.servers().add(ipv6("2001:db8:3::", 48)));
		data.customer("[none]", "", null);
		data.domain("[none]", "orphan.ch", "mail.orphan.ch", "may");
		return data;
	}

	ApplianceData customer(String name, String description, String adminEmail) {
		ObjectNode customer = this.customers.putObject(name);
		customer.put("name", name);
		customer.put("description", description);
		if (adminEmail != null) {
			customer.put("adminEmail", adminEmail);
		}
		customer.put("sendBackupToAdmin", false);
		return this;
	}

	ObjectNode domain(String customer, String name, String host, String tlsLevel) {
		ArrayNode list = this.domains.has(customer) ? (ArrayNode) this.domains.get(customer)
				: this.domains.putArray(customer);
		ObjectNode domain = list.addObject();
		domain.put("domainName", name);
		domain.putObject("forwarding").put("host", host).put("port", 25);
		domain.putObject("tls").put("level", tlsLevel);
		return domain;
	}

	/** The domain of that name, to change it. */
	ObjectNode domain(String customer, String name) {
		for (var domain : this.domains.get(customer)) {
			if (domain.get("domainName").asString().equals(name)) {
				return (ObjectNode) domain;
			}
		}
		throw new IllegalArgumentException("No domain " + name);
	}

	ArrayNode servers() {
		return JSON.createArrayNode();
	}

	static ObjectNode ipv4(String ip, int netmask) {
		return JSON.createObjectNode().put("ip", ip).put("netmask", netmask);
	}

	static ObjectNode ipv6(String ip, int prefix) {
		return JSON.createObjectNode().put("ip", ip).put("prefix", prefix);
	}

	byte[] customersJson() {
		return JSON.writeValueAsBytes(this.customers);
	}

	byte[] domainsJson() {
		return JSON.writeValueAsBytes(this.domains);
	}

}
