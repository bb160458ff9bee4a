package ch.mspguard.seppmail;

import java.util.Map;

import ch.mspguard.gateway.ValidationError;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The shapes the appliance's answers take when they pass through PowerShell (SEPPmail's
 * module returns objects, and {@code ConvertTo-Json} writes those instead of the raw
 * answer), turned back into the API's shapes where that is unambiguous.
 * <ul>
 * <li>Customers as an array of customer objects, each with its {@code name}, or a single
 * customer object: keyed by their names.</li>
 * <li>Managed domains as an array of domain objects (or one) without the customer key:
 * grouped by the customer each domain names ({@code customer}), or else the customer the
 * operator names.</li>
 * <li>Windows PowerShell's wrapper {@code {"value": [...], "Count": n}} around an array:
 * unwrapped.</li>
 * </ul>
 * What cannot be read is refused with a message that names what was recognised and how to
 * save the raw answer.
 */
final class PowerShellShapes {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** What shallow ConvertTo-Json output looks like, for the messages. */
	static final String SHALLOW_EXAMPLE = "@{host=…}";

	private PowerShellShapes() {
	}

	/**
	 * The result of reading one document.
	 *
	 * @param root the document in the API's shape, or null when it cannot be read
	 * @param error why it cannot be read, or null
	 */
	record Result(JsonNode root, ValidationError error) {

		static Result ok(JsonNode root) {
			return new Result(root, null);
		}

	}

	static Result customers(JsonNode root) {
		JsonNode document = unwrap(root);
		if (isCustomer(document)) {
			document = JSON.createArrayNode().add(document);
		}
		if (!document.isArray()) {
			return Result.ok(document);
		}
		if (allStrings(document)) {
			return new Result(null, ValidationError.of(ApiDocument.CUSTOMERS, "seppmail.customers.listOnly"));
		}
		ObjectNode keyed = JSON.createObjectNode();
		for (JsonNode customer : document) {
			if (!isCustomer(customer)) {
				return new Result(null, ValidationError.of(ApiDocument.CUSTOMERS, "seppmail.powershell.customers",
						countCustomers(document), document.size()));
			}
			keyed.set(Fields.get(customer, "name").stringValue(), customer);
		}
		return Result.ok(keyed);
	}

	/**
	 * @param customer the customer the operator names for domains that do not say theirs,
	 * or null
	 */
	static Result domains(JsonNode root, String customer) {
		JsonNode document = unwrap(root);
		if (isDomain(document)) {
			document = JSON.createArrayNode().add(document);
		}
		if (!document.isArray()) {
			return Result.ok(document);
		}
		if (allStrings(document)) {
			return new Result(null, ValidationError.of(ApiDocument.DOMAINS, "seppmail.domains.listOnly"));
		}
		ObjectNode keyed = JSON.createObjectNode();
		int withoutCustomer = 0;
		for (JsonNode domain : document) {
			if (!isDomain(domain)) {
				return new Result(null,
						ValidationError.of(ApiDocument.DOMAINS, "seppmail.powershell.domains", document.size()));
			}
			JsonNode own = Fields.get(domain, "customer");
			String owner = own.isString() && !own.stringValue().isBlank() ? own.stringValue().strip() : customer;
			if (owner == null) {
				withoutCustomer++;
				continue;
			}
			ArrayNode list = keyed.has(owner) ? (ArrayNode) keyed.get(owner) : keyed.putArray(owner);
			list.add(domain);
		}
		if (withoutCustomer > 0) {
			return new Result(null, ValidationError.of(ApiDocument.DOMAINS, "seppmail.powershell.domainsNoCustomer",
					document.size(), withoutCustomer));
		}
		return Result.ok(keyed);
	}

	/** Whether a value is a PowerShell object that ConvertTo-Json wrote as text. */
	static boolean isShallow(JsonNode value) {
		if (!value.isString()) {
			return false;
		}
		String text = value.stringValue().strip();
		return text.startsWith("@{") || "System.Object[]".equals(text);
	}

	private static JsonNode unwrap(JsonNode root) {
		if (root.isObject() && root.size() == 2 && root.get("value") != null && root.get("value").isArray()
				&& root.get("Count") != null && root.get("Count").isNumber()) {
			return root.get("value");
		}
		return root;
	}

	private static boolean isCustomer(JsonNode node) {
		return node.isObject() && Fields.get(node, "name").isString() && !hasObjectValues(node);
	}

	private static boolean isDomain(JsonNode node) {
		return node.isObject() && Fields.get(node, "domainName").isString();
	}

	/**
	 * A customer object has only plain values and lists; an object keyed by customer
	 * names has objects as values.
	 */
	private static boolean hasObjectValues(JsonNode node) {
		for (Map.Entry<String, JsonNode> field : node.properties()) {
			if (field.getValue().isObject()) {
				return true;
			}
		}
		return false;
	}

	private static boolean allStrings(JsonNode array) {
		for (JsonNode item : array) {
			if (!item.isString()) {
				return false;
			}
		}
		return !array.isEmpty();
	}

	private static int countCustomers(JsonNode array) {
		int count = 0;
		for (JsonNode item : array) {
			count += isCustomer(item) ? 1 : 0;
		}
		return count;
	}

}
