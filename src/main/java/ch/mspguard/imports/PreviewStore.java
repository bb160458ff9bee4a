package ch.mspguard.imports;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import ch.mspguard.gateway.SerializedForm;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pending previews in the database, each bound to the operator who made it and gone after
 * {@link #LIFETIME}: any instance behind the proxy can show and apply a preview made on
 * another, and a restart keeps them. Row-level security lets an operator's transactions
 * see only that operator's previews.
 */
@Component
class PreviewStore {

	static final Duration LIFETIME = Duration.ofMinutes(30);

	/** Each preview may hold a large gateway; an operator's oldest ones give way. */
	static final int CAPACITY = 20;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	@Autowired
	PreviewStore(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
		this(jdbc, transactionManager, Clock.systemUTC());
	}

	PreviewStore(JdbcClient jdbc, PlatformTransactionManager transactionManager, Clock clock) {
		this.jdbc = jdbc;
		// Previews are made in read-only transactions: storing one is a write of its own.
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	void put(ImportPreview preview) {
		byte[] bytes = serialize(preview);
		this.transactions.executeWithoutResult((tx) -> {
			this.jdbc.sql("""
					DELETE FROM import_preview WHERE owner = ? AND id NOT IN (
					    SELECT id FROM import_preview WHERE owner = ? ORDER BY created_at DESC LIMIT ?)""")
				.params(preview.owner(), preview.owner(), CAPACITY - 1)
				.update();
			this.jdbc.sql("INSERT INTO import_preview (id, owner, created_at, preview) VALUES (?, ?, ?, ?)")
				.params(preview.id(), preview.owner(), Timestamp.from(preview.createdAt()), bytes)
				.update();
		});
	}

	/** The preview, if it exists, has not expired and belongs to the owner. */
	Optional<ImportPreview> find(String id, String owner) {
		Timestamp limit = Timestamp.from(this.clock.instant().minus(LIFETIME));
		return this.transactions.execute((tx) -> this.jdbc
			.sql("SELECT preview FROM import_preview WHERE id = ? AND owner = ? AND created_at >= ?")
			.params(id, owner, limit)
			.query(byte[].class)
			.optional()
			.map(PreviewStore::deserialize));
	}

	void remove(String id) {
		this.transactions
			.executeWithoutResult((tx) -> this.jdbc.sql("DELETE FROM import_preview WHERE id = ?").param(id).update());
	}

	/** Removes every operator's expired previews; background work, as the system. */
	int removeExpired() {
		Timestamp limit = Timestamp.from(this.clock.instant().minus(LIFETIME));
		return this.transactions
			.execute((tx) -> this.jdbc.sql("DELETE FROM import_preview WHERE created_at < ?").param(limit).update());
	}

	private static byte[] serialize(ImportPreview preview) {
		return SerializedForm.write(preview);
	}

	private static ImportPreview deserialize(byte[] bytes) {
		return SerializedForm.read(bytes, ImportPreview.class, "A stored import preview");
	}

}
