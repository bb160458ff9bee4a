package ch.mspguard;

import java.util.UUID;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The application's connection pool without its automatic role switch, for the tests of
 * row-level security: each transaction takes the role and tenant a test gives it, as the
 * application does per request, with queries that carry no tenant filter at all.
 */
public final class RawDatabase {

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	/**
	 * @param applicationDataSource the application's data source (it wraps the pool)
	 */
	public RawDatabase(DataSource applicationDataSource) {
		DataSource raw = ((DelegatingDataSource) applicationDataSource).getTargetDataSource();
		this.jdbc = new JdbcTemplate(raw);
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(raw));
	}

	public JdbcTemplate jdbc() {
		return this.jdbc;
	}

	/** In one transaction as the login role itself. */
	public <T> T inTransaction(Supplier<T> work) {
		return this.transactions.execute((tx) -> work.get());
	}

	/**
	 * In one transaction as the role, for the tenant ({@code null}: none), set as the
	 * application sets them.
	 */
	public <T> T as(String role, UUID tenant, Supplier<T> work) {
		return inTransaction(() -> {
			this.jdbc.queryForList("SELECT set_config('role', ?, true), set_config('app.tenant_id', ?, true)", role,
					(tenant != null) ? tenant.toString() : "");
			return work.get();
		});
	}

	public <T> T asTenantAdmin(UUID tenant, Supplier<T> work) {
		return as("hardening_tenant_admin", tenant, work);
	}

}
