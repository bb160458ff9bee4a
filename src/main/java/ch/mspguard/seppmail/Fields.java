package ch.mspguard.seppmail;

import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * Tolerant reading of the appliance's JSON: field names in any case (SEPPmail's own
 * examples write {@code requestedheader} as well as {@code requestedHeader}), and empty
 * strings or nulls where a value is simply not set.
 */
final class Fields {

	private Fields() {
	}

	/** The field, its name compared without regard to case; missing when absent. */
	static JsonNode get(JsonNode node, String name) {
		JsonNode exact = node.get(name);
		if (exact != null) {
			return exact;
		}
		if (node.isObject()) {
			for (Map.Entry<String, JsonNode> field : node.properties()) {
				if (field.getKey().equalsIgnoreCase(name)) {
					return field.getValue();
				}
			}
		}
		return MissingNode.getInstance();
	}

	/** Whether the value says "not set": absent, null or an empty string. */
	static boolean isUnset(JsonNode value) {
		return value.isMissingNode() || value.isNull() || (value.isString() && value.stringValue().isEmpty());
	}

}
