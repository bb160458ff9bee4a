package ch.mspguard.gateway;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads single pieces of configuration for the dashboard's pages and forms, each with the
 * version an edit must present.
 */
@Component
public class ConfigurationReader {

	private final JdbcClient jdbc;

	private final StoredGatewayLoader loader;

	ConfigurationReader(JdbcClient jdbc, StoredGatewayLoader loader) {
		this.jdbc = jdbc;
		this.loader = loader;
	}

	/**
	 * @param tenantApplianceAdmins the tenant's admins on the appliance, shown with the
	 * domain
	 */
	public record DomainDetails(UUID id, UUID tenantId, String tenantName, DomainConfig config, long version,
			List<String> tenantApplianceAdmins) {
	}

	public record TenantDetails(UUID id, UUID gatewayId, String gatewayName, TenantConfig config,
			TenantAttestation attestation, long version, List<DomainRef> domains) {
	}

	public record DomainRef(UUID id, String name) {
	}

	@Transactional(readOnly = true)
	public Optional<DomainDetails> domain(UUID tenantId, UUID domainId) {
		return this.jdbc.sql("""
				SELECT d.id, d.tenant_id, t.name AS tenant_name, d.name, d.forwarding_host, d.tls_level,
				       d.header_check_name, d.header_check_length, encode(d.header_check_hash, 'hex') AS hash,
				       d.exchange_online_tenant_id, d.version, d.tls_level_unknown, d.forwarding_port, d.no_mx_lookup,
				       d.smarthost, t.appliance_admins
				FROM managed_domain d JOIN tenant t ON t.id = d.tenant_id
				WHERE d.id = ? AND d.tenant_id = ?""").params(domainId, tenantId).query((rs, row) -> {
			String header = rs.getString("header_check_name");
			DomainConfig config = new DomainConfig(rs.getString("name"), rs.getString("forwarding_host"),
					JsonEnum.fromJson(TlsLevel.class, rs.getString("tls_level")).orElse(null), fingerprints(domainId),
					servers(domainId),
					(header != null) ? new HeaderCheck(header, rs.getInt("header_check_length"), rs.getString("hash"))
							: null,
					rs.getObject("exchange_online_tenant_id", UUID.class), rs.getString("tls_level_unknown"),
					rs.getObject("forwarding_port", Integer.class), rs.getObject("no_mx_lookup", Boolean.class),
					rs.getString("smarthost"));
			return new DomainDetails(domainId, tenantId, rs.getString("tenant_name"), config, rs.getLong("version"),
					StoredGatewayLoader.texts(rs.getArray("appliance_admins")));
		}).optional();
	}

	@Transactional(readOnly = true)
	public Optional<TenantDetails> tenant(UUID tenantId) {
		return this.jdbc.sql("""
				SELECT t.id, t.gateway_id, g.name AS gateway_name, t.name, t.display_name, t.admin_email,
				       t.mail_server_tls, t.vpn_tunnel, t.mail_server_tls_attested_by, t.mail_server_tls_attested_on,
				       t.mail_server_tls_evidence, t.version
				FROM tenant t JOIN gateway g ON g.id = t.gateway_id WHERE t.id = ?""")
			.param(tenantId)
			.query((rs, row) -> {
				Boolean vpn = rs.getBoolean("vpn_tunnel");
				if (rs.wasNull()) {
					vpn = null;
				}
				TenantConfig config = new TenantConfig(rs.getString("name"), rs.getString("display_name"),
						rs.getString("admin_email"),
						JsonEnum.fromJson(MailServerTls.class, rs.getString("mail_server_tls")).orElse(null), vpn,
						List.of());
				TenantAttestation attestation = new TenantAttestation(rs.getString("mail_server_tls_attested_by"),
						(rs.getDate("mail_server_tls_attested_on") != null)
								? rs.getDate("mail_server_tls_attested_on").toLocalDate() : null,
						rs.getString("mail_server_tls_evidence"));
				return new TenantDetails(tenantId, rs.getObject("gateway_id", UUID.class), rs.getString("gateway_name"),
						config, attestation, rs.getLong("version"), domains(tenantId));
			})
			.optional();
	}

	@Transactional(readOnly = true)
	public Optional<StoredGatewayLoader.VersionedSettings> gateway(UUID gatewayId) {
		return this.loader.settings(gatewayId);
	}

	private List<DomainRef> domains(UUID tenantId) {
		return this.jdbc.sql("SELECT id, name FROM managed_domain WHERE tenant_id = ? ORDER BY position, name")
			.param(tenantId)
			.query((rs, row) -> new DomainRef(rs.getObject(1, UUID.class), rs.getString(2)))
			.list();
	}

	private List<Fingerprint> fingerprints(UUID domainId) {
		return this.jdbc.sql("SELECT fingerprint FROM tls_fingerprint WHERE domain_id = ? ORDER BY position")
			.param(domainId)
			.query((rs, row) -> Fingerprint.of(rs.getBytes(1)))
			.list();
	}

	private List<Network> servers(UUID domainId) {
		return this.jdbc
			.sql("SELECT network::text, keyword FROM allowed_sending_server WHERE domain_id = ? ORDER BY position")
			.param(domainId)
			.query((rs, row) -> Network.parse((rs.getString(1) != null) ? rs.getString(1) : rs.getString(2)))
			.list();
	}

}
