package ch.mspguard.checklist;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import ch.mspguard.gateway.InvalidValueException;
import ch.mspguard.gateway.Network;
import ch.mspguard.gateway.ValidationError;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads Microsoft's endpoints web service answer
 * ({@code /endpoints/Worldwide?ServiceAreas=Exchange}) and picks the TCP 25 sources of
 * Exchange Online Protection: the records of service area Exchange whose ports include 25
 * and whose URLs name a mail protection host, {@code *.mail.protection.outlook.com} or
 * the newer {@code *.mx.microsoft} (matched by suffix, so that a record listing both, or
 * only the new name, is still found).
 */
final class ExchangeOnlineEndpoints {

	static final String MAIL_PROTECTION = "*.mail.protection.outlook.com";

	/** The suffixes of Exchange Online Protection's mail hosts, old and new. */
	static final List<String> MAIL_PROTECTION_SUFFIXES = List.of(".mail.protection.outlook.com", ".mx.microsoft");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ExchangeOnlineEndpoints() {
	}

	/**
	 * @throws InvalidEndpointsException naming every problem with its JSON pointer
	 */
	static List<Network> read(byte[] document) {
		JsonNode root;
		try {
			root = JSON.readTree(document);
		}
		catch (JacksonException ex) {
			throw new InvalidEndpointsException(List
				.of(ValidationError.of("", "json.syntax", (ex.getLocation() != null) ? ex.getLocation().getLineNr() : 0,
						(ex.getLocation() != null) ? ex.getLocation().getColumnNr() : 0, ex.getOriginalMessage())));
		}
		if (root == null || !root.isArray()) {
			throw new InvalidEndpointsException(List.of(ValidationError.of("", "endpoints.notArray")));
		}
		List<ValidationError> errors = new ArrayList<>();
		Set<Network> networks = new LinkedHashSet<>();
		for (int i = 0; i < root.size(); i++) {
			JsonNode record = root.get(i);
			if (!isMailProtectionSmtp(record)) {
				continue;
			}
			JsonNode ips = record.path("ips");
			for (int j = 0; j < ips.size(); j++) {
				try {
					networks.add(Network.parse(ips.get(j).asString()));
				}
				catch (InvalidValueException ex) {
					errors.add(ValidationError.of("/" + i + "/ips/" + j, ex.code(), ex.arguments()));
				}
			}
		}
		if (errors.isEmpty() && networks.isEmpty()) {
			errors.add(ValidationError.of("", "endpoints.noMailProtection"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidEndpointsException(errors);
		}
		return List.copyOf(networks);
	}

	private static boolean isMailProtectionSmtp(JsonNode record) {
		boolean exchange = "Exchange".equalsIgnoreCase(record.path("serviceArea").asString(""));
		boolean port25 = List.of(record.path("tcpPorts").asString("").split(","))
			.stream()
			.map(String::strip)
			.anyMatch("25"::equals);
		boolean mailProtection = false;
		for (JsonNode url : record.path("urls")) {
			String host = url.asString("").strip().toLowerCase(java.util.Locale.ROOT);
			mailProtection |= MAIL_PROTECTION_SUFFIXES.stream().anyMatch(host::endsWith);
		}
		return exchange && port25 && mailProtection;
	}

}
