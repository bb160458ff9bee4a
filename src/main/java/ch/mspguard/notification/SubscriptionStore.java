package ch.mspguard.notification;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The subscriptions. A tenant admin's transaction sees only their own (row-level
 * security), so the same queries serve both pages.
 */
@Component
class SubscriptionStore {

	private static final String SELECT = """
			SELECT id, owner, tenant_id, channel_id, email, language, event_types, gateway_ids, tenant_ids,
			       min_severity, digest, digest_time, digest_zone, last_digest_at
			FROM notification_subscription""";

	private final JdbcClient jdbc;

	SubscriptionStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every subscription the acting user may see. */
	@Transactional(readOnly = true)
	List<Subscription> all() {
		return this.jdbc.sql(SELECT + " ORDER BY created_at, id").query(SubscriptionStore::row).list();
	}

	@Transactional
	UUID create(Subscription subscription, Instant now) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO notification_subscription (id, owner, tenant_id, channel_id, email, language, event_types,
				       gateway_ids, tenant_ids, min_severity, digest, digest_time, digest_zone, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, subscription.owner(), subscription.tenantId(), subscription.channelId(), subscription.email(),
					subscription.language(),
					subscription.eventTypes().stream().map(EventType::name).sorted().toArray(String[]::new),
					subscription.gatewayIds().toArray(UUID[]::new), subscription.tenantIds().toArray(UUID[]::new),
					subscription.minSeverity().name(), subscription.digest(), subscription.digestTime(),
					(subscription.digestZone() != null) ? subscription.digestZone().getId() : null, Timestamp.from(now))
			.update();
		return id;
	}

	@Transactional
	boolean delete(UUID id) {
		return this.jdbc.sql("DELETE FROM notification_subscription WHERE id = ?").param(id).update() > 0;
	}

	void markDigest(UUID id, Instant at) {
		this.jdbc.sql("UPDATE notification_subscription SET last_digest_at = ? WHERE id = ?")
			.params(Timestamp.from(at), id)
			.update();
	}

	private static Subscription row(ResultSet rs, int row) throws SQLException {
		Set<EventType> types = strings(rs.getArray(7)).stream()
			.map(EventType::of)
			.flatMap(java.util.Optional::stream)
			.collect(Collectors.toCollection(LinkedHashSet::new));
		String zone = rs.getString(13);
		return new Subscription(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
				rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6), types, uuids(rs.getArray(8)),
				uuids(rs.getArray(9)), NotificationSeverity.valueOf(rs.getString(10)), rs.getBoolean(11),
				rs.getObject(12, LocalTime.class), (zone != null) ? ZoneId.of(zone) : null,
				ChannelStore.instant(rs.getTimestamp(14)));
	}

	private static List<String> strings(Array array) throws SQLException {
		return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
	}

	private static Set<UUID> uuids(Array array) throws SQLException {
		return Arrays.stream((Object[]) array.getArray())
			.map((value) -> (UUID) value)
			.collect(Collectors.toCollection(LinkedHashSet::new));
	}

}
