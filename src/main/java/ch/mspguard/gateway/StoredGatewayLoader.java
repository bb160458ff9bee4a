package ch.mspguard.gateway;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads a whole gateway into the immutable model with a fixed number of queries, however
 * many tenants and domains it has.
 */
@Component
public class StoredGatewayLoader {

	private final JdbcClient jdbc;

	StoredGatewayLoader(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<StoredGateway> find(UUID gatewayId) {
		return gatewayRow(gatewayId).map(this::load);
	}

	/** The gateway's id, without locking. */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<UUID> idByName(String name) {
		return this.jdbc.sql("SELECT id FROM gateway WHERE name = ?").param(name).query(UUID.class).optional();
	}

	/** The gateway's id, locking its row until the transaction ends. */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<UUID> lockByName(String name) {
		return this.jdbc.sql("SELECT id FROM gateway WHERE name = ? FOR UPDATE")
			.param(name)
			.query(UUID.class)
			.optional();
	}

	/** Locks the gateway row until the transaction ends. */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean lock(UUID gatewayId) {
		return this.jdbc.sql("SELECT id FROM gateway WHERE id = ? FOR UPDATE")
			.param(gatewayId)
			.query(UUID.class)
			.optional()
			.isPresent();
	}

	private record GatewayRow(UUID id, long version, String name, String hostname, String hosting, Boolean requireTls,
			Boolean rejectSpoofed, Map<String, Boolean> recorded) {
	}

	private Optional<GatewayRow> gatewayRow(UUID gatewayId) {
		return this.jdbc.sql("""
				SELECT id, version, name, hostname, hosting, require_tls_encryption, reject_spoofed_sender_domain,
				       relaying_networks_recorded, exchange_online_relaying_networks_recorded,
				       manual_list_entries_recorded, smtp_inbound_sources_recorded, admin_inbound_sources_recorded
				FROM gateway WHERE id = ?""").param(gatewayId).query((rs, row) -> {
			Map<String, Boolean> recorded = new HashMap<>();
			recorded.put(GatewayLists.RELAYING, rs.getBoolean("relaying_networks_recorded"));
			recorded.put(GatewayLists.EXCHANGE_ONLINE_RELAYING,
					rs.getBoolean("exchange_online_relaying_networks_recorded"));
			recorded.put(GatewayLists.MANUAL, rs.getBoolean("manual_list_entries_recorded"));
			recorded.put(GatewayLists.SMTP_INBOUND, rs.getBoolean("smtp_inbound_sources_recorded"));
			recorded.put(GatewayLists.ADMIN_INBOUND, rs.getBoolean("admin_inbound_sources_recorded"));
			return new GatewayRow(rs.getObject("id", UUID.class), rs.getLong("version"), rs.getString("name"),
					rs.getString("hostname"), rs.getString("hosting"), nullableBoolean(rs, "require_tls_encryption"),
					nullableBoolean(rs, "reject_spoofed_sender_domain"), recorded);
		}).optional();
	}

	/** The gateway-wide settings and the gateway row's version, without tenants. */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<VersionedSettings> settings(UUID gatewayId) {
		return gatewayRow(gatewayId).map((gateway) -> new VersionedSettings(settings(gateway), gateway.version()));
	}

	public record VersionedSettings(GatewaySettings settings, long version) {
	}

	private StoredGateway load(GatewayRow gateway) {
		GatewaySettings settings = settings(gateway);
		Tenants tenants = tenants(gateway.id());
		return new StoredGateway(gateway.id(), gateway.version(), new GatewaySnapshot(settings, tenants.configs()),
				tenants.tenantIds(), tenants.domainIds(), tenants.versions());
	}

	private GatewaySettings settings(GatewayRow gateway) {
		Map<String, List<Network>> lists = new HashMap<>();
		this.jdbc.sql(
				"SELECT list, network::text, keyword FROM gateway_network WHERE gateway_id = ? ORDER BY list, position")
			.param(gateway.id())
			.query((rs) -> {
				lists.computeIfAbsent(rs.getString(1), (key) -> new ArrayList<>()).add(network(rs, 2));
			});
		List<ManualListEntry> manual = this.jdbc.sql("""
				SELECT network::text, keyword, action, comment FROM manual_list_entry
				WHERE gateway_id = ? ORDER BY position""")
			.param(gateway.id())
			.query((rs, row) -> new ManualListEntry(network(rs, 1),
					JsonEnum.fromJson(ListAction.class, rs.getString(3)).orElseThrow(), rs.getString(4)))
			.list();
		GatewaySettings settings = new GatewaySettings(gateway.name(), gateway.hostname(),
				JsonEnum.fromJson(Hosting.class, gateway.hosting()).orElse(null), gateway.requireTls(),
				gateway.rejectSpoofed(), recorded(gateway, lists, GatewayLists.RELAYING),
				recorded(gateway, lists, GatewayLists.EXCHANGE_ONLINE_RELAYING),
				gateway.recorded().get(GatewayLists.MANUAL) ? manual : null,
				recorded(gateway, lists, GatewayLists.SMTP_INBOUND),
				recorded(gateway, lists, GatewayLists.ADMIN_INBOUND));
		return settings;
	}

	private static List<Network> recorded(GatewayRow gateway, Map<String, List<Network>> lists, String list) {
		return gateway.recorded().get(list) ? lists.getOrDefault(list, List.of()) : null;
	}

	private record TenantRow(UUID id, String name, String displayName, String adminEmail, String mailServerTls,
			Boolean vpnTunnel, long version, List<String> applianceAdmins) {
	}

	private record DomainRow(UUID id, UUID tenantId, String name, String forwardingHost, String tlsLevel,
			HeaderCheck headerCheck, UUID exchangeOnlineTenantId, long version, String unknownTlsLevel,
			Integer forwardingPort, Boolean noMxLookup, String smarthost) {
	}

	private record Tenants(List<TenantConfig> configs, Map<String, UUID> tenantIds, Map<String, UUID> domainIds,
			Map<UUID, Long> versions) {
	}

	private Tenants tenants(UUID gatewayId) {
		List<TenantRow> tenantRows = this.jdbc.sql("""
				SELECT id, name, display_name, admin_email, mail_server_tls, vpn_tunnel, version, appliance_admins
				FROM tenant WHERE gateway_id = ? ORDER BY position, name""")
			.param(gatewayId)
			.query((rs, row) -> new TenantRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getString(5), nullableBoolean(rs, "vpn_tunnel"), rs.getLong("version"),
					texts(rs.getArray("appliance_admins"))))
			.list();
		List<DomainRow> domainRows = this.jdbc.sql("""
				SELECT id, tenant_id, name, forwarding_host, tls_level, header_check_name, header_check_length,
				       header_check_hash, exchange_online_tenant_id, version, tls_level_unknown, forwarding_port,
				       no_mx_lookup, smarthost
				FROM managed_domain WHERE gateway_id = ? ORDER BY position, name""")
			.param(gatewayId)
			.query((rs, row) -> new DomainRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
					rs.getString(4), rs.getString(5), headerCheck(rs), rs.getObject(9, UUID.class), rs.getLong(10),
					rs.getString(11), rs.getObject(12, Integer.class), rs.getObject(13, Boolean.class),
					rs.getString(14)))
			.list();
		// By the ids just read rather than joined to managed_domain: the join's plan
		// depends on
		// statistics that an import of thousands of domains has just made wrong, and a
		// nested
		// loop without an index condition made this read take minutes (issue 18). Every
		// plan of
		// "= ANY(ids)" is linear: an index lookup per id or one scan with a hashed array.
		UUID[] domainIds = domainRows.stream().map(DomainRow::id).toArray(UUID[]::new);
		Map<UUID, List<Fingerprint>> fingerprints = new HashMap<>();
		Map<UUID, List<Network>> servers = new HashMap<>();
		if (domainIds.length > 0) {
			this.jdbc.sql("""
					SELECT domain_id, fingerprint FROM tls_fingerprint WHERE domain_id = ANY(?)
					ORDER BY domain_id, position""").param(domainIds).query((rs) -> {
				fingerprints.computeIfAbsent(rs.getObject(1, UUID.class), (key) -> new ArrayList<>())
					.add(Fingerprint.of(rs.getBytes(2)));
			});
			this.jdbc.sql("""
					SELECT domain_id, network::text, keyword FROM allowed_sending_server WHERE domain_id = ANY(?)
					ORDER BY domain_id, position""").param(domainIds).query((rs) -> {
				servers.computeIfAbsent(rs.getObject(1, UUID.class), (key) -> new ArrayList<>()).add(network(rs, 2));
			});
		}
		Map<UUID, List<DomainConfig>> domainsByTenant = new HashMap<>();
		Map<String, UUID> domainIdsByName = new LinkedHashMap<>();
		Map<UUID, Long> versions = new HashMap<>();
		for (DomainRow row : domainRows) {
			domainIdsByName.put(row.name(), row.id());
			versions.put(row.id(), row.version());
			domainsByTenant.computeIfAbsent(row.tenantId(), (key) -> new ArrayList<>())
				.add(new DomainConfig(row.name(), row.forwardingHost(),
						JsonEnum.fromJson(TlsLevel.class, row.tlsLevel()).orElse(null),
						fingerprints.getOrDefault(row.id(), List.of()), servers.getOrDefault(row.id(), List.of()),
						row.headerCheck(), row.exchangeOnlineTenantId(), row.unknownTlsLevel(), row.forwardingPort(),
						row.noMxLookup(), row.smarthost()));
		}
		List<TenantConfig> configs = new ArrayList<>();
		Map<String, UUID> tenantIds = new LinkedHashMap<>();
		for (TenantRow row : tenantRows) {
			tenantIds.put(row.name(), row.id());
			versions.put(row.id(), row.version());
			configs.add(new TenantConfig(row.name(), row.displayName(), row.adminEmail(),
					JsonEnum.fromJson(MailServerTls.class, row.mailServerTls()).orElse(null), row.vpnTunnel(),
					domainsByTenant.getOrDefault(row.id(), List.of()), row.applianceAdmins()));
		}
		return new Tenants(configs, tenantIds, domainIdsByName, versions);
	}

	private static HeaderCheck headerCheck(ResultSet rs) throws SQLException {
		String name = rs.getString("header_check_name");
		return (name != null) ? new HeaderCheck(name, rs.getInt("header_check_length"),
				HexFormat.of().formatHex(rs.getBytes("header_check_hash"))) : null;
	}

	private static Network network(ResultSet rs, int column) throws SQLException {
		String cidr = rs.getString(column);
		return Network.parse((cidr != null) ? cidr : rs.getString(column + 1));
	}

	/** A text array column as a list; empty for null. */
	static List<String> texts(java.sql.Array array) throws SQLException {
		return (array != null) ? List.of((String[]) array.getArray()) : List.of();
	}

	private static Boolean nullableBoolean(ResultSet rs, String column) throws SQLException {
		boolean value = rs.getBoolean(column);
		return rs.wasNull() ? null : value;
	}

}
