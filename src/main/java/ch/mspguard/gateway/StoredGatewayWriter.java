package ch.mspguard.gateway;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes what a {@link SnapshotDiff} says, in batches: new rows inserted, changed rows
 * updated with their version raised (so that an open edit form notices), missing rows
 * deleted. Tenants and domains keep their ids across imports, so users and links stay
 * valid.
 */
@Component
class StoredGatewayWriter {

	private static final int[] TENANT_TYPES = { Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
			Types.BOOLEAN, Types.VARCHAR, Types.INTEGER, Types.OTHER };

	private static final int[] DOMAIN_TYPES = { Types.OTHER, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
			Types.INTEGER, Types.BINARY, Types.OTHER, Types.VARCHAR, Types.INTEGER, Types.BOOLEAN, Types.VARCHAR,
			Types.INTEGER, Types.OTHER };

	/**
	 * The appliance admins travel as a JSON array, turned into text[] by the statement.
	 */
	private static final String ADMINS = "ARRAY(SELECT jsonb_array_elements_text(?::jsonb))";

	private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder()
		.build();

	/**
	 * From this many added, removed or rewritten tenants and domains on, statistics are
	 * refreshed.
	 */
	static final int BULK_ROWS = 500;

	private final JdbcTemplate jdbc;

	StoredGatewayWriter(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Writes the incoming configuration and returns it with the ids it was written under.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	WrittenGateway write(StoredGateway existing, GatewaySnapshot incoming, SnapshotDiff diff) {
		UUID gatewayId = (existing != null) ? existing.id() : insertGateway(incoming.gateway());
		if (existing != null && !diff.gatewayChanges().isEmpty()) {
			updateGateway(gatewayId, incoming.gateway());
		}
		if (existing == null || !diff.gatewayChanges().isEmpty()) {
			replaceLists(gatewayId, incoming.gateway());
		}
		Map<String, UUID> tenantIds = writeTenants(gatewayId, existing, incoming, diff);
		Map<String, UUID> rewrite = writeDomains(gatewayId, existing, incoming, diff, tenantIds);
		// Before the deletes by key, the cascades and the reads that follow: see V45.
		long removed = (long) diff.removedTenants().size() + diff.removedDomains().size();
		boolean bulk = removed + diff.addedTenants().size() + rewrite.size() >= BULK_ROWS;
		if (bulk) {
			analyzeTenantTables();
		}
		replaceChildren(incoming, tenantIds, rewrite);
		if (bulk && removed >= BULK_ROWS && rewrite.size() >= BULK_ROWS) {
			analyzeTenantTables();
		}
		delete("DELETE FROM managed_domain WHERE id = ?",
				diff.removedDomains().stream().map((ref) -> existing.domainIds().get(ref.domain())).toList());
		delete("DELETE FROM tenant WHERE id = ?",
				diff.removedTenants().stream().map((name) -> existing.tenantIds().get(name)).toList());
		return written(gatewayId, existing, incoming, tenantIds, rewrite);
	}

	/**
	 * Records that the gateway's source confirmed its data, whether or not anything
	 * changed. Leaves the version alone: a confirmation must not void an open edit form.
	 * @param source the kind of import (e.g. {@code api}); a suffix after a colon (a demo
	 * file's name) is dropped
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void confirm(UUID gatewayId, String source, Instant at) {
		this.jdbc.update("UPDATE gateway SET data_confirmed_at = ?, data_confirmed_by = ? WHERE id = ?",
				Timestamp.from(at), source.split(":", 2)[0], gatewayId);
	}

	private static WrittenGateway written(UUID gatewayId, StoredGateway existing, GatewaySnapshot incoming,
			Map<String, UUID> tenantIds, Map<String, UUID> rewrittenDomains) {
		Map<String, UUID> tenants = new HashMap<>();
		Map<String, UUID> domains = new HashMap<>();
		for (TenantConfig tenant : incoming.tenants()) {
			tenants.put(tenant.name(), tenantIds.get(tenant.name()));
			for (DomainConfig domain : tenant.domains()) {
				UUID id = rewrittenDomains.get(domain.name());
				domains.put(domain.name(), (id != null) ? id : existing.domainIds().get(domain.name()));
			}
		}
		return new WrittenGateway(gatewayId, incoming, Map.copyOf(tenants), Map.copyOf(domains));
	}

	private void analyzeTenantTables() {
		this.jdbc.queryForObject("SELECT analyze_tenant_tables()::text", String.class);
	}

	private UUID insertGateway(GatewaySettings settings) {
		UUID id = UUID.randomUUID();
		this.jdbc.update("INSERT INTO gateway (id, name) VALUES (?, ?)", id, settings.name());
		updateGateway(id, settings);
		return id;
	}

	private void updateGateway(UUID id, GatewaySettings settings) {
		this.jdbc.update("""
				UPDATE gateway SET hostname = ?, hosting = ?, require_tls_encryption = ?,
				       reject_spoofed_sender_domain = ?, relaying_networks_recorded = ?,
				       exchange_online_relaying_networks_recorded = ?, manual_list_entries_recorded = ?,
				       smtp_inbound_sources_recorded = ?, admin_inbound_sources_recorded = ?,
				       version = version + 1, updated_at = now()
				WHERE id = ?""", settings.hostname(), json(settings.hosting()), settings.requireTlsEncryption(),
				settings.rejectSpoofedSenderDomain(), settings.relayingNetworks() != null,
				settings.exchangeOnlineRelayingNetworks() != null, settings.manualListEntries() != null,
				settings.smtpInboundSources() != null, settings.adminInboundSources() != null, id);
	}

	private void replaceLists(UUID gatewayId, GatewaySettings settings) {
		this.jdbc.update("DELETE FROM gateway_network WHERE gateway_id = ?", gatewayId);
		this.jdbc.update("DELETE FROM manual_list_entry WHERE gateway_id = ?", gatewayId);
		List<Object[]> rows = new ArrayList<>();
		addNetworks(rows, gatewayId, GatewayLists.RELAYING, settings.relayingNetworks());
		addNetworks(rows, gatewayId, GatewayLists.EXCHANGE_ONLINE_RELAYING, settings.exchangeOnlineRelayingNetworks());
		addNetworks(rows, gatewayId, GatewayLists.SMTP_INBOUND, settings.smtpInboundSources());
		addNetworks(rows, gatewayId, GatewayLists.ADMIN_INBOUND, settings.adminInboundSources());
		this.jdbc.batchUpdate(
				"INSERT INTO gateway_network (gateway_id, list, position, network, keyword) VALUES (?, ?, ?, ?::cidr, ?)",
				rows, new int[] { Types.OTHER, Types.VARCHAR, Types.INTEGER, Types.VARCHAR, Types.VARCHAR });
		List<Object[]> entries = new ArrayList<>();
		List<ManualListEntry> manual = (settings.manualListEntries() != null) ? settings.manualListEntries()
				: List.of();
		for (int i = 0; i < manual.size(); i++) {
			ManualListEntry entry = manual.get(i);
			entries.add(new Object[] { gatewayId, i, cidr(entry.network()), keyword(entry.network()),
					entry.action().jsonValue(), entry.comment() });
		}
		this.jdbc.batchUpdate("""
				INSERT INTO manual_list_entry (gateway_id, position, network, keyword, action, comment)
				VALUES (?, ?, ?::cidr, ?, ?, ?)""", entries,
				new int[] { Types.OTHER, Types.INTEGER, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR });
	}

	private static void addNetworks(List<Object[]> rows, UUID gatewayId, String list, List<Network> networks) {
		for (int i = 0; networks != null && i < networks.size(); i++) {
			rows.add(new Object[] { gatewayId, list, i, cidr(networks.get(i)), keyword(networks.get(i)) });
		}
	}

	private Map<String, UUID> writeTenants(UUID gatewayId, StoredGateway existing, GatewaySnapshot incoming,
			SnapshotDiff diff) {
		Map<String, UUID> ids = new HashMap<>((existing != null) ? existing.tenantIds() : Map.of());
		Set<String> changed = new HashSet<>();
		diff.changedTenants().forEach((change) -> changed.add(change.tenant()));
		Map<String, Integer> oldPositions = positions((existing != null) ? existing.snapshot().tenants() : List.of());
		List<Object[]> inserts = new ArrayList<>();
		List<Object[]> updates = new ArrayList<>();
		for (int i = 0; i < incoming.tenants().size(); i++) {
			TenantConfig tenant = incoming.tenants().get(i);
			Object[] values = { tenant.displayName(), tenant.adminEmail(), json(tenant.mailServerTls()), tenant.name(),
					tenant.vpnTunnel(), JSON.writeValueAsString(tenant.applianceAdmins()), i, null };
			if (!ids.containsKey(tenant.name())) {
				UUID id = UUID.randomUUID();
				ids.put(tenant.name(), id);
				values[7] = id;
				inserts.add(values);
			}
			else if (changed.contains(tenant.name()) || !Integer.valueOf(i).equals(oldPositions.get(tenant.name()))) {
				values[7] = ids.get(tenant.name());
				updates.add(versioned(values, changed.contains(tenant.name())));
			}
		}
		this.jdbc.batchUpdate(
				"INSERT INTO tenant (display_name, admin_email, mail_server_tls, name, vpn_tunnel, appliance_admins, "
						+ "position, id, gateway_id) VALUES (?, ?, ?, ?, ?, " + ADMINS + ", ?, ?, '" + gatewayId + "')",
				inserts, TENANT_TYPES);
		this.jdbc.batchUpdate("""
				UPDATE tenant SET display_name = ?, admin_email = ?, mail_server_tls = ?, name = ?, vpn_tunnel = ?,
				       appliance_admins = %s, position = ?, version = version + ? WHERE id = ?""".formatted(ADMINS),
				updates, append(TENANT_TYPES, Types.INTEGER));
		return ids;
	}

	/**
	 * Writes domain rows; returns name and id of the domains whose children must be
	 * rewritten.
	 */
	private Map<String, UUID> writeDomains(UUID gatewayId, StoredGateway existing, GatewaySnapshot incoming,
			SnapshotDiff diff, Map<String, UUID> tenantIds) {
		Map<String, UUID> ids = (existing != null) ? existing.domainIds() : Map.of();
		Set<String> changed = new HashSet<>();
		diff.changedDomains().forEach((change) -> changed.add(change.domain()));
		Map<String, Integer> oldPositions = new HashMap<>();
		if (existing != null) {
			existing.snapshot().tenants().forEach((tenant) -> oldPositions.putAll(positionsOf(tenant.domains())));
		}
		Map<String, UUID> rewrite = new HashMap<>();
		List<Object[]> inserts = new ArrayList<>();
		List<Object[]> updates = new ArrayList<>();
		for (TenantConfig tenant : incoming.tenants()) {
			for (int i = 0; i < tenant.domains().size(); i++) {
				DomainConfig domain = tenant.domains().get(i);
				HeaderCheck header = domain.headerCheck();
				Object[] values = { tenantIds.get(tenant.name()), domain.forwardingHost(), json(domain.tlsLevel()),
						(header != null) ? header.name() : null, domain.name(),
						(header != null) ? header.valueLength() : null,
						(header != null) ? HexFormat.of().parseHex(header.valueHash()) : null,
						domain.exchangeOnlineTenantId(), domain.unknownTlsLevel(), domain.forwardingPort(),
						domain.noMxLookup(), domain.smarthost(), i, ids.get(domain.name()) };
				int id = values.length - 1;
				if (values[id] == null) {
					values[id] = UUID.randomUUID();
					inserts.add(values);
					rewrite.put(domain.name(), (UUID) values[id]);
				}
				else if (changed.contains(domain.name())
						|| !Integer.valueOf(i).equals(oldPositions.get(domain.name()))) {
					updates.add(versioned(values, changed.contains(domain.name())));
					if (changed.contains(domain.name())) {
						rewrite.put(domain.name(), (UUID) values[id]);
					}
				}
			}
		}
		this.jdbc.batchUpdate("""
				INSERT INTO managed_domain (tenant_id, forwarding_host, tls_level, header_check_name, name,
				       header_check_length, header_check_hash, exchange_online_tenant_id, tls_level_unknown,
				       forwarding_port, no_mx_lookup, smarthost, position, id, gateway_id)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '""" + gatewayId + "')", inserts, DOMAIN_TYPES);
		this.jdbc.batchUpdate("""
				UPDATE managed_domain SET tenant_id = ?, forwarding_host = ?, tls_level = ?, header_check_name = ?,
				       name = ?, header_check_length = ?, header_check_hash = ?, exchange_online_tenant_id = ?,
				       tls_level_unknown = ?, forwarding_port = ?, no_mx_lookup = ?, smarthost = ?,
				       position = ?, version = version + ? WHERE id = ?""", updates,
				append(DOMAIN_TYPES, Types.INTEGER));
		return rewrite;
	}

	private void replaceChildren(GatewaySnapshot incoming, Map<String, UUID> tenantIds, Map<String, UUID> rewrite) {
		List<Object[]> deletes = new ArrayList<>();
		List<Object[]> fingerprints = new ArrayList<>();
		List<Object[]> servers = new ArrayList<>();
		for (TenantConfig tenant : incoming.tenants()) {
			UUID tenantId = tenantIds.get(tenant.name());
			for (DomainConfig domain : tenant.domains()) {
				UUID domainId = rewrite.get(domain.name());
				if (domainId == null) {
					continue;
				}
				deletes.add(new Object[] { domainId });
				for (int i = 0; i < domain.tlsFingerprints().size(); i++) {
					fingerprints.add(new Object[] { domainId, tenantId, i, domain.tlsFingerprints().get(i).bytes() });
				}
				for (int i = 0; i < domain.allowedSendingServers().size(); i++) {
					Network network = domain.allowedSendingServers().get(i);
					servers.add(new Object[] { domainId, tenantId, i, cidr(network), keyword(network) });
				}
			}
		}
		this.jdbc.batchUpdate("DELETE FROM tls_fingerprint WHERE domain_id = ?", deletes, new int[] { Types.OTHER });
		this.jdbc.batchUpdate("DELETE FROM allowed_sending_server WHERE domain_id = ?", deletes,
				new int[] { Types.OTHER });
		this.jdbc.batchUpdate(
				"INSERT INTO tls_fingerprint (domain_id, tenant_id, position, fingerprint) VALUES (?, ?, ?, ?)",
				fingerprints, new int[] { Types.OTHER, Types.OTHER, Types.INTEGER, Types.BINARY });
		this.jdbc.batchUpdate("""
				INSERT INTO allowed_sending_server (domain_id, tenant_id, position, network, keyword)
				VALUES (?, ?, ?, ?::cidr, ?)""", servers,
				new int[] { Types.OTHER, Types.OTHER, Types.INTEGER, Types.VARCHAR, Types.VARCHAR });
	}

	private void delete(String sql, List<UUID> ids) {
		this.jdbc.batchUpdate(sql, ids.stream().map((id) -> new Object[] { id }).toList(), new int[] { Types.OTHER });
	}

	private static Map<String, Integer> positions(List<TenantConfig> tenants) {
		Map<String, Integer> result = new HashMap<>();
		for (int i = 0; i < tenants.size(); i++) {
			result.put(tenants.get(i).name(), i);
		}
		return result;
	}

	private static Map<String, Integer> positionsOf(List<DomainConfig> domains) {
		Map<String, Integer> result = new HashMap<>();
		for (int i = 0; i < domains.size(); i++) {
			result.put(domains.get(i).name(), i);
		}
		return result;
	}

	/** Moves the id to the end and puts the version increment before it. */
	private static Object[] versioned(Object[] values, boolean changed) {
		Object[] result = new Object[values.length + 1];
		System.arraycopy(values, 0, result, 0, values.length - 1);
		result[values.length - 1] = changed ? 1 : 0;
		result[values.length] = values[values.length - 1];
		return result;
	}

	private static int[] append(int[] types, int type) {
		int[] result = new int[types.length + 1];
		System.arraycopy(types, 0, result, 0, types.length - 1);
		result[types.length - 1] = type;
		result[types.length] = types[types.length - 1];
		return result;
	}

	static String cidr(Network network) {
		return network.isKeyword() ? null : network.blocks().get(0).toPrefixBlock().toCanonicalString();
	}

	static String keyword(Network network) {
		return network.isKeyword() ? network.text() : null;
	}

	private static String json(JsonEnum value) {
		return (value != null) ? value.jsonValue() : null;
	}

}
