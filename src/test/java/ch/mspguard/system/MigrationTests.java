package ch.mspguard.system;

import ch.mspguard.IntegrationTest;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test database starts empty: every migration must apply to it, and Hibernate must
 * find the schema it expects ({@code ddl-auto=validate} fails the context otherwise).
 */
@IntegrationTest
class MigrationTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Flyway flyway;

	@Test
	void everyMigrationAppliedToTheEmptyDatabase() {
		MigrationInfo[] all = this.flyway.info().all();
		assertThat(all).isNotEmpty();
		assertThat(all).allSatisfy((migration) -> assertThat(migration.getState()).isEqualTo(MigrationState.SUCCESS));
		assertThat(this.flyway.info().pending()).isEmpty();
		assertThat(all[0].getVersion().getVersion()).isEqualTo("1");
	}

	@Test
	void theApplicationConnectsAsARoleThatOwnsNothingAndCannotBypassRowLevelSecurity() {
		var role = this.jdbc.sql("""
				SELECT r.rolname, r.rolsuper, r.rolbypassrls, r.rolcreaterole, r.rolcreatedb,
				       (SELECT count(*) FROM pg_class c WHERE c.relowner = r.oid) AS owned
				FROM pg_roles r WHERE r.rolname = current_user""").query().singleRow();
		assertThat(role.get("rolname")).isEqualTo("hardening_app");
		assertThat(role.get("rolsuper")).isEqualTo(false);
		assertThat(role.get("rolbypassrls")).isEqualTo(false);
		assertThat(role.get("rolcreaterole")).isEqualTo(false);
		assertThat(((Number) role.get("owned")).longValue()).isZero();
	}

}
