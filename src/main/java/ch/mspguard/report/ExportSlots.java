package ch.mspguard.report;

import java.util.UUID;

import ch.mspguard.tenant.LoginRole;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Bounds how many exports run at once across all instances, so that a few large exports
 * cannot take every database connection and the whole processor from the dashboard. An
 * export that finds no free slot is refused at once rather than queued: the user retries
 * later. Slots are rows in the database, leased for the export time limit (plus a minute)
 * so that an instance that dies mid-export frees its slots by itself. Bookkeeping without
 * tenant data, kept by the login role whoever exports.
 */
@Component
@EnableConfigurationProperties(ExportProperties.class)
class ExportSlots {

	static final String LARGE = "large";

	static final String TENANT = "tenant";

	private final JdbcClient jdbc;

	private final TransactionOperations transactions;

	private final ExportProperties properties;

	ExportSlots(JdbcClient jdbc, PlatformTransactionManager transactionManager, ExportProperties properties) {
		this.jdbc = jdbc;
		this.transactions = LoginRole.transactions(transactionManager);
		this.properties = properties;
	}

	/** A slot for an all-tenant export; close it when done. */
	Slot large() {
		return acquire(LARGE, this.properties.largeConcurrency());
	}

	/** A slot for a single tenant's export; close it when done. */
	Slot tenant() {
		return acquire(TENANT, this.properties.tenantConcurrency());
	}

	private Slot acquire(String kind, int capacity) {
		UUID holder = UUID.randomUUID();
		long leaseSeconds = this.properties.timeLimit().toSeconds() + 60;
		Integer slot = this.transactions.execute((tx) -> {
			// One claim per kind at a time, so that two instances cannot take the same
			// slot.
			this.jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(?))")
				.param("hardening:export-slots:" + kind)
				.query()
				.singleRow();
			return this.jdbc
				.sql("""
						INSERT INTO export_slot (kind, slot, holder, lease_until)
						SELECT ?, s, ?, now() + make_interval(secs => ?) FROM generate_series(0, ? - 1) s
						WHERE NOT EXISTS (SELECT 1 FROM export_slot e WHERE e.kind = ? AND e.slot = s AND e.lease_until > now())
						ORDER BY s LIMIT 1
						ON CONFLICT (kind, slot) DO UPDATE SET holder = excluded.holder, lease_until = excluded.lease_until
						RETURNING slot""")
				.params(kind, holder, leaseSeconds, capacity, kind)
				.query(Integer.class)
				.optional()
				.orElse(null);
		});
		if (slot == null) {
			throw new ExportsBusyException(this.properties.retryAfter());
		}
		return () -> this.transactions.executeWithoutResult(
				(tx) -> this.jdbc.sql("DELETE FROM export_slot WHERE kind = ? AND slot = ? AND holder = ?")
					.params(kind, slot, holder)
					.update());
	}

	interface Slot extends AutoCloseable {

		@Override
		void close();

	}

}
