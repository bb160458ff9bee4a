package ch.mspguard.gateway;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lookups of gateways and tenants by id and name. Reads run under the acting user's
 * database role, so a tenant admin's queries return their own tenant and gateway only.
 */
@Component
public class GatewayDirectory {

	private final JdbcClient jdbc;

	GatewayDirectory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public record GatewayRef(UUID id, String name) {
	}

	public record TenantRef(UUID id, String name, String displayName, UUID gatewayId, String gatewayName) {
	}

	@Transactional(readOnly = true)
	public boolean isEmpty() {
		return this.jdbc.sql("SELECT count(*) FROM gateway").query(Long.class).single() == 0;
	}

	@Transactional(readOnly = true)
	public List<GatewayRef> gateways() {
		return this.jdbc.sql("SELECT id, name FROM gateway ORDER BY name")
			.query((rs, row) -> new GatewayRef(rs.getObject(1, UUID.class), rs.getString(2)))
			.list();
	}

	@Transactional(readOnly = true)
	public Optional<GatewayRef> gateway(UUID id) {
		return this.jdbc.sql("SELECT id, name FROM gateway WHERE id = ?")
			.param(id)
			.query((rs, row) -> new GatewayRef(rs.getObject(1, UUID.class), rs.getString(2)))
			.optional();
	}

	@Transactional(readOnly = true)
	public List<TenantRef> tenants() {
		return this.jdbc.sql(TENANTS + " ORDER BY g.name, t.position, t.name").query(TENANT_ROW).list();
	}

	@Transactional(readOnly = true)
	public List<TenantRef> tenantsOf(UUID gatewayId) {
		return this.jdbc.sql(TENANTS + " WHERE g.id = ? ORDER BY t.position, t.name")
			.param(gatewayId)
			.query(TENANT_ROW)
			.list();
	}

	@Transactional(readOnly = true)
	public Optional<TenantRef> tenant(UUID id) {
		return this.jdbc.sql(TENANTS + " WHERE t.id = ?").param(id).query(TENANT_ROW).optional();
	}

	private static final String TENANTS = """
			SELECT t.id, t.name, t.display_name, g.id AS gateway_id, g.name AS gateway_name
			FROM tenant t JOIN gateway g ON g.id = t.gateway_id""";

	private static final RowMapper<TenantRef> TENANT_ROW = (rs, row) -> new TenantRef(rs.getObject("id", UUID.class),
			rs.getString("name"), rs.getString("display_name"), rs.getObject("gateway_id", UUID.class),
			rs.getString("gateway_name"));

}
