package ch.mspguard.gateway;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a diff into the before-and-after entries the audit log keeps for an edit.
 */
final class EditAudit {

	private EditAudit() {
	}

	static List<Map<String, Object>> describe(SnapshotDiff diff) {
		List<Map<String, Object>> entries = new ArrayList<>();
		diff.gatewayChanges().forEach((change) -> entries.add(entry("gateway", null, change)));
		diff.addedTenants().forEach((tenant) -> entries.add(Map.of("tenant", tenant, "change", "added")));
		diff.removedTenants().forEach((tenant) -> entries.add(Map.of("tenant", tenant, "change", "removed")));
		diff.changedTenants()
			.forEach((tenant) -> tenant.changes()
				.forEach((change) -> entries.add(entry("tenant", tenant.tenant(), change))));
		diff.addedDomains().forEach((domain) -> entries.add(Map.of("domain", domain.domain(), "change", "added")));
		diff.removedDomains().forEach((domain) -> entries.add(Map.of("domain", domain.domain(), "change", "removed")));
		diff.changedDomains()
			.forEach((domain) -> domain.changes()
				.forEach((change) -> entries.add(entry("domain", domain.domain(), change))));
		return entries;
	}

	private static Map<String, Object> entry(String kind, String subject, SnapshotDiff.FieldChange change) {
		Map<String, Object> entry = new LinkedHashMap<>();
		if (subject != null) {
			entry.put(kind, subject);
		}
		entry.put("field", change.field());
		entry.put("before", change.before());
		entry.put("after", change.after());
		return entry;
	}

}
