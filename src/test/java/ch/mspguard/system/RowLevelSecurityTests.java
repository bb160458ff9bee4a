package ch.mspguard.system;

import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import ch.mspguard.IntegrationTest;
import ch.mspguard.RawDatabase;
import ch.mspguard.TestSnapshots;
import ch.mspguard.gateway.ImportResult;
import ch.mspguard.gateway.SnapshotImporter;
import ch.mspguard.gateway.SnapshotReader;
import ch.mspguard.tenant.SystemActor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The database's own wall: run as the application's login role, switched the way the
 * application switches, with queries that carry no tenant filter at all.
 */
@IntegrationTest
class RowLevelSecurityTests {

	@Autowired
	DataSource dataSource;

	@Autowired
	SnapshotReader reader;

	@Autowired
	SnapshotImporter importer;

	RawDatabase database;

	JdbcTemplate jdbc;

	UUID tenantA;

	UUID tenantB;

	@BeforeEach
	void importTwoTenants() {
		// Without the application's automatic role switch: each test switches itself.
		this.database = new RawDatabase(this.dataSource);
		this.jdbc = this.database.jdbc();
		ImportResult result = SystemActor.call("test", () -> this.importer
			.importSnapshot(this.reader.read(TestSnapshots.bytes(TestSnapshots.load("two-tenants.json"))), "test"));
		this.tenantA = result.tenants().get(0).id();
		this.tenantB = result.tenants().get(1).id();
	}

	@Test
	void aTenantAdminsTransactionReadsNoRowOfAnotherTenantEvenWithoutAFilter() {
		List<UUID> tenants = asTenantAdmin(this.tenantA,
				() -> this.jdbc.queryForList("SELECT id FROM tenant", UUID.class));
		assertThat(tenants).containsExactly(this.tenantA);
		for (String table : List.of("managed_domain", "tls_fingerprint", "allowed_sending_server",
				"tenant_evaluation")) {
			Long foreign = asTenantAdmin(this.tenantA, () -> this.jdbc
				.queryForObject("SELECT count(*) FROM " + table + " WHERE tenant_id = ?", Long.class, this.tenantB));
			assertThat(foreign).as(table).isZero();
		}
		Long ownDomains = asTenantAdmin(this.tenantA,
				() -> this.jdbc.queryForObject("SELECT count(*) FROM managed_domain", Long.class));
		assertThat(ownDomains).isEqualTo(2);
		assertThatThrownBy(() -> asTenantAdmin(this.tenantA,
				() -> this.jdbc.queryForObject("SELECT count(*) FROM gateway_network", Long.class)))
			.rootCause()
			.hasMessageContaining("permission denied");
	}

	@Test
	void aTenantAdminCannotReadOperatorOnlyDetailsOrOtherAccounts() {
		assertThatThrownBy(() -> asTenantAdmin(this.tenantA,
				() -> this.jdbc.queryForList("SELECT details FROM tenant_evaluation", String.class)))
			.isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("permission denied");
		assertThatThrownBy(() -> asTenantAdmin(this.tenantA,
				() -> this.jdbc.queryForList("SELECT password_hash FROM app_user", String.class)))
			.rootCause()
			.hasMessageContaining("permission denied");
	}

	@Test
	void auditorsAndTenantAdminsCannotWrite() {
		assertThatThrownBy(() -> as("hardening_auditor", null,
				() -> this.jdbc.update("UPDATE managed_domain SET tls_level = 'none'")))
			.rootCause()
			.hasMessageContaining("permission denied");
		assertThatThrownBy(() -> as("hardening_auditor", null, () -> this.jdbc.update("DELETE FROM tenant")))
			.rootCause()
			.hasMessageContaining("permission denied");
		assertThatThrownBy(() -> asTenantAdmin(this.tenantA,
				() -> this.jdbc.update("UPDATE tenant SET display_name = 'x' WHERE id = ?", this.tenantA)))
			.rootCause()
			.hasMessageContaining("permission denied");
	}

	@Test
	void nobodyChangesOrDeletesTheAuditLog() {
		for (String role : List.of("hardening_operator", "hardening_auditor", "hardening_tenant_admin",
				"hardening_system")) {
			assertThatThrownBy(() -> as(role, null, () -> this.jdbc.update("UPDATE audit_event SET actor = 'x'")))
				.as(role)
				.rootCause()
				.hasMessageContaining("permission denied");
			assertThatThrownBy(() -> as(role, null, () -> this.jdbc.update("DELETE FROM audit_event"))).as(role)
				.rootCause()
				.hasMessageContaining("permission denied");
		}
		assertThatThrownBy(() -> this.database.inTransaction(() -> this.jdbc.update("DELETE FROM audit_event")))
			.rootCause()
			.hasMessageContaining("permission denied");
	}

	@Test
	void everyTableWithTenantDataHasRowLevelSecurityEnabledAndForced() {
		List<String> unprotected = this.database.inTransaction(() -> this.jdbc.queryForList("""
				SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
				WHERE n.nspname = 'public' AND c.relkind = 'r'
				  AND (c.relname = 'tenant' OR EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid
				       AND a.attname IN ('tenant_id', 'gateway_id') AND NOT a.attisdropped))
				  AND NOT (c.relrowsecurity AND c.relforcerowsecurity)""", String.class));
		assertThat(unprotected).isEmpty();
		var role = this.database.inTransaction(() -> this.jdbc.queryForMap("""
				SELECT r.rolsuper, r.rolbypassrls, (SELECT count(*) FROM pg_class c WHERE c.relowner = r.oid) AS owned,
				       (SELECT count(*) FROM pg_namespace s WHERE s.nspowner = r.oid) AS schemas
				FROM pg_roles r WHERE r.rolname = current_user"""));
		assertThat(role.get("rolsuper")).isEqualTo(false);
		assertThat(role.get("rolbypassrls")).isEqualTo(false);
		assertThat(((Number) role.get("owned")).longValue()).isZero();
		assertThat(((Number) role.get("schemas")).longValue()).isZero();
		List<String> kindRolesThatBypass = this.database.inTransaction(() -> this.jdbc.queryForList(
				"SELECT rolname FROM pg_roles WHERE rolname LIKE 'hardening\\_%' AND rolname <> 'hardening_owner'"
						+ " AND (rolsuper OR rolbypassrls)",
				String.class));
		assertThat(kindRolesThatBypass).isEmpty();
	}

	@Test
	void settingsDoNotSurviveTheTransaction() {
		asTenantAdmin(this.tenantA, () -> this.jdbc.queryForList("SELECT id FROM tenant", UUID.class));
		String role = this.database.inTransaction(() -> this.jdbc.queryForObject(
				"SELECT current_user || '/' || coalesce(current_setting('app.tenant_id', true), '')", String.class));
		assertThat(role).isEqualTo("hardening_app/");
	}

	private <T> T asTenantAdmin(UUID tenant, java.util.function.Supplier<T> work) {
		return this.database.asTenantAdmin(tenant, work);
	}

	private <T> T as(String role, UUID tenant, java.util.function.Supplier<T> work) {
		return this.database.as(role, tenant, work);
	}

}
