package ch.mspguard.imports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import ch.mspguard.gateway.SnapshotDiff;
import ch.mspguard.gateway.SnapshotImported;
import ch.mspguard.tenant.Actor;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who imported what from where and when, with the change summary: one entry per import,
 * whichever way it came (API, upload, SEPPmail pull, demo data), written in the import's
 * own transaction.
 */
@Component
class ImportHistory {

	/** Names listed in an entry; the counts are always complete. */
	static final int MAX_NAMES = 100;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<Map<String, Object>> SUMMARY = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	ImportHistory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	void onImported(SnapshotImported event) {
		this.jdbc.sql("""
				INSERT INTO import_history (actor, gateway_id, gateway_name, source, origin, summary)
				VALUES (?, ?, ?, ?, ?, ?::jsonb)""")
			.params(Actor.current().map(Actor::name).orElse("anonymous"), event.gatewayId(), event.gatewayName(),
					event.source(), event.origin(), JSON.writeValueAsString(summary(event)))
			.update();
	}

	@Transactional(readOnly = true)
	List<HistoryEntry> recent(int limit) {
		return this.jdbc.sql("""
				SELECT id, imported_at, actor, gateway_id, gateway_name, source, origin, summary::text
				FROM import_history ORDER BY imported_at DESC, id DESC LIMIT ?""")
			.param(limit)
			.query((rs, row) -> new HistoryEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
					rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6), rs.getString(7),
					JSON.readValue(rs.getString(8), SUMMARY)))
			.list();
	}

	static Map<String, Object> summary(SnapshotImported event) {
		SnapshotDiff diff = event.diff();
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("newGateway", diff.newGateway());
		summary.put("gatewaySettingsChanged", diff.gatewayChanges().size());
		summary.put("tenantsAdded", diff.addedTenants().size());
		summary.put("tenantsRemoved", diff.removedTenants().size());
		summary.put("tenantsChanged", diff.changedTenants().size());
		summary.put("domainsAdded", diff.addedDomains().size());
		summary.put("domainsRemoved", diff.removedDomains().size());
		summary.put("domainsChanged", diff.changedDomains().size());
		summary.put("tenantsAddedNames", first(diff.addedTenants()));
		summary.put("tenantsRemovedNames", first(diff.removedTenants()));
		summary.put("tenantsChangedNames",
				first(diff.changedTenants().stream().map(SnapshotDiff.TenantChange::tenant)));
		summary.put("domainsAddedNames", first(diff.addedDomains().stream().map(SnapshotDiff.DomainRef::domain)));
		summary.put("domainsRemovedNames", first(diff.removedDomains().stream().map(SnapshotDiff.DomainRef::domain)));
		summary.put("domainsChangedNames",
				first(diff.changedDomains().stream().map(SnapshotDiff.DomainChange::domain)));
		summary.put("usersWithoutTenant", first(event.usersWithoutTenant()));
		return summary;
	}

	private static List<String> first(List<String> names) {
		return first(names.stream());
	}

	private static List<String> first(Stream<String> names) {
		return names.limit(MAX_NAMES).toList();
	}

}
