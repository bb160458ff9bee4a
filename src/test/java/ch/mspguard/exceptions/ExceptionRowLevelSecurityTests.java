package ch.mspguard.exceptions;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

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
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The database's own wall around exceptions, with statements that carry no tenant filter:
 * a tenant admin's transaction sees and requests only for its own tenant, and can neither
 * approve nor change anything; an auditor's changes nothing.
 */
@IntegrationTest
class ExceptionRowLevelSecurityTests {

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
	void twoTenantsWithOneExceptionEach() {
		this.database = new RawDatabase(this.dataSource);
		this.jdbc = this.database.jdbc();
		ImportResult result = SystemActor.call("test", () -> this.importer
			.importSnapshot(this.reader.read(TestSnapshots.bytes(TestSnapshots.load("two-tenants.json"))), "test"));
		this.tenantA = result.tenants().get(0).id();
		this.tenantB = result.tenants().get(1).id();
		for (UUID tenant : List.of(this.tenantA, this.tenantB)) {
			as("hardening_operator", null, () -> this.jdbc.update(INSERT, UUID.randomUUID(), tenant));
		}
	}

	private static final String INSERT = """
			INSERT INTO finding_exception (id, tenant_id, rule_id, category, reason, expires_on, state, requested_by,
			                               requested_at)
			VALUES (?, ?, 'TLS-OUT', 'RISK_ACCEPTED', 'test', current_date + 30, 'REQUESTED', 'test', now())""";

	@Test
	void aTenantAdminSeesAndRequestsOnlyForItsOwnTenant() {
		List<UUID> seen = asTenantAdmin(this.tenantA,
				() -> this.jdbc.queryForList("SELECT DISTINCT tenant_id FROM finding_exception", UUID.class));
		assertThat(seen).containsExactly(this.tenantA);
		assertThatThrownBy(
				() -> asTenantAdmin(this.tenantA, () -> this.jdbc.update(INSERT, UUID.randomUUID(), this.tenantB)))
			.rootCause()
			.hasMessageContaining("row-level security");
		assertThat(asTenantAdmin(this.tenantA, () -> this.jdbc.update(INSERT, UUID.randomUUID(), this.tenantA)))
			.isEqualTo(1);
	}

	@Test
	void aTenantAdminCannotApproveAndAnAuditorChangesNothing() {
		assertThatThrownBy(() -> asTenantAdmin(this.tenantA,
				() -> this.jdbc.update("UPDATE finding_exception SET state = 'ACTIVE'")))
			.rootCause()
			.hasMessageContaining("permission denied");
		assertThatThrownBy(() -> asTenantAdmin(this.tenantA,
				() -> this.jdbc.update(INSERT.replace("'REQUESTED'", "'ACTIVE'"), UUID.randomUUID(), this.tenantA)))
			.rootCause()
			.hasMessageContaining("row-level security");
		assertThatThrownBy(() -> as("hardening_auditor", null,
				() -> this.jdbc.update("UPDATE finding_exception SET state = 'ACTIVE'")))
			.rootCause()
			.hasMessageContaining("permission denied");
		assertThatThrownBy(
				() -> as("hardening_operator", null, () -> this.jdbc.update("DELETE FROM finding_exception")))
			.as("exceptions are never deleted, only ended")
			.rootCause()
			.hasMessageContaining("permission denied");
	}

	private <T> T asTenantAdmin(UUID tenant, Supplier<T> work) {
		return this.database.asTenantAdmin(tenant, work);
	}

	private <T> T as(String role, UUID tenant, Supplier<T> work) {
		return this.database.as(role, tenant, work);
	}

}
