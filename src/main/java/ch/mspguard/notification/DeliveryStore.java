package ch.mspguard.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The deliveries: planned by the router, tried by the worker, listed in the delivery log.
 * Callers hold the transaction.
 */
@Component
class DeliveryStore {

	private static final String SELECT = """
			SELECT id, subscription_id, channel_id, event_ids, dedupe_key, state, digest, test, status, target, tries,
			       created_at, next_attempt_at, last_attempt_at, sent_at, answer
			FROM notification_delivery""";

	private final JdbcClient jdbc;

	DeliveryStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The last time something of this key went to the subscription, and its state. */
	record LastSent(Instant at, String state) {
	}

	void insert(UUID id, UUID subscriptionId, UUID channelId, UUID tenantId, List<UUID> eventIds, String dedupeKey,
			String state, boolean digest, boolean test, Delivery.Status status, String target, Instant now,
			Instant nextAttempt) {
		this.jdbc.sql("""
				INSERT INTO notification_delivery (id, subscription_id, channel_id, tenant_id, event_ids, dedupe_key,
				       state, digest, test, status, target, created_at, next_attempt_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, subscriptionId, channelId, tenantId, eventIds.toArray(UUID[]::new), dedupeKey, state, digest,
					test, status.name(), target, Timestamp.from(now), Timestamp.from(nextAttempt))
			.update();
	}

	/** A planned, never tried message of the key, which a newer event may replace. */
	Optional<UUID> untried(UUID subscriptionId, String dedupeKey) {
		return this.jdbc.sql("""
				SELECT id FROM notification_delivery
				WHERE subscription_id = ? AND dedupe_key = ? AND status = 'PENDING' AND tries = 0
				ORDER BY created_at DESC LIMIT 1""").params(subscriptionId, dedupeKey).query(UUID.class).optional();
	}

	/** Lets a planned message tell of the newer event instead: the final state wins. */
	void replaceEvent(UUID id, UUID eventId, String state) {
		this.jdbc.sql("UPDATE notification_delivery SET event_ids = ?, state = ? WHERE id = ?")
			.params(new UUID[] { eventId }, state, id)
			.update();
	}

	Optional<LastSent> lastSent(UUID subscriptionId, String dedupeKey) {
		return this.jdbc.sql("""
				SELECT sent_at, state FROM notification_delivery
				WHERE subscription_id = ? AND dedupe_key = ? AND status = 'SENT'
				ORDER BY sent_at DESC LIMIT 1""")
			.params(subscriptionId, dedupeKey)
			.query((rs, row) -> new LastSent(rs.getTimestamp(1).toInstant(), rs.getString(2)))
			.optional();
	}

	/** Messages due now, oldest first; locked so that no other worker takes them. */
	List<Delivery> due(Instant now, int limit) {
		return this.jdbc
			.sql(SELECT + " WHERE status = 'PENDING' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?")
			.params(Timestamp.from(now), limit)
			.query(DeliveryStore::row)
			.list();
	}

	List<Delivery> queued(UUID subscriptionId) {
		// In the order the events happened, so that the latest event of a key is last.
		return this.jdbc
			.sql("SELECT d.* FROM (" + SELECT + " WHERE subscription_id = ? AND status = 'QUEUED') d"
					+ " JOIN notification_event e ON e.id = d.event_ids[1] ORDER BY e.occurred_at, e.id")
			.param(subscriptionId)
			.query(DeliveryStore::row)
			.list();
	}

	void markDigested(Collection<UUID> ids, UUID digestId) {
		this.jdbc.sql("UPDATE notification_delivery SET status = 'DIGESTED', answer = ? WHERE id = ANY(?)")
			.params(digestId.toString(), ids.toArray(UUID[]::new))
			.update();
	}

	void recordSent(UUID id, Instant at, String answer) {
		this.jdbc.sql("""
				UPDATE notification_delivery SET status = 'SENT', tries = tries + 1, last_attempt_at = ?, sent_at = ?,
				       answer = ?
				WHERE id = ?""").params(Timestamp.from(at), Timestamp.from(at), answer, id).update();
	}

	void recordSuppressed(UUID id, Instant at, String answer) {
		this.jdbc
			.sql("UPDATE notification_delivery SET status = 'SUPPRESSED', last_attempt_at = ?, answer = ? WHERE id = ?")
			.params(Timestamp.from(at), answer, id)
			.update();
	}

	void recordFailure(UUID id, Instant at, Instant nextAttempt, boolean givenUp, String answer) {
		this.jdbc.sql("""
				UPDATE notification_delivery SET status = ?, tries = tries + 1, last_attempt_at = ?,
				       next_attempt_at = ?, answer = ?
				WHERE id = ?""")
			.params(givenUp ? "FAILED" : "PENDING", Timestamp.from(at), Timestamp.from(nextAttempt), answer, id)
			.update();
	}

	/** The newest deliveries with what they are about, for the log. */
	List<DeliveryLogEntry> recent(int limit) {
		return this.jdbc
			.sql("SELECT d.*, e.type, coalesce(e.tenant_name, e.gateway_name) FROM (" + SELECT
					+ " ORDER BY created_at DESC, id LIMIT ?) d LEFT JOIN notification_event e ON e.id = d.event_ids[1]"
					+ " ORDER BY d.created_at DESC, d.id")
			.param(limit)
			.query((rs, row) -> new DeliveryLogEntry(row(rs, row),
					(rs.getString(17) != null) ? EventType.valueOf(rs.getString(17)) : null, rs.getString(18)))
			.list();
	}

	Optional<Delivery> find(UUID id) {
		return this.jdbc.sql(SELECT + " WHERE id = ?").param(id).query(DeliveryStore::row).optional();
	}

	private static Delivery row(ResultSet rs, int row) throws SQLException {
		List<UUID> events = Arrays.stream((Object[]) rs.getArray(4).getArray()).map((id) -> (UUID) id).toList();
		return new Delivery(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
				events, rs.getString(5), rs.getString(6), rs.getBoolean(7), rs.getBoolean(8),
				Delivery.Status.valueOf(rs.getString(9)), rs.getString(10), rs.getInt(11),
				rs.getTimestamp(12).toInstant(), rs.getTimestamp(13).toInstant(),
				ChannelStore.instant(rs.getTimestamp(14)), ChannelStore.instant(rs.getTimestamp(15)), rs.getString(16));
	}

}
