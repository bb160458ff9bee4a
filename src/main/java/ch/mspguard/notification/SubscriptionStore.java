package ch.mspguard.notification;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import ch.mspguard.audit.AuditAction;
import ch.mspguard.audit.AuditLog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The subscriptions. A tenant admin's transaction sees only their own (row-level
 * security), so the same queries serve both pages.
 */
@Component
class SubscriptionStore {

	private static final String COLUMNS = """
			id, owner, tenant_id, channel_id, email, language, event_types, gateway_ids, tenant_ids, min_severity,
			digest, digest_time, digest_zone, last_digest_at""";

	private static final String SELECT = "SELECT " + COLUMNS + " FROM notification_subscription";

	private final JdbcClient jdbc;

	private final AuditLog audit;

	SubscriptionStore(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/** Every subscription the acting user may see. */
	@Transactional(readOnly = true)
	List<Subscription> all() {
		return this.jdbc.sql(SELECT + " ORDER BY created_at, id").query(SubscriptionStore::row).list();
	}

	/** A subscription the acting user may see (a tenant admin: only their own). */
	@Transactional(readOnly = true)
	Optional<Subscription> find(UUID id) {
		return this.jdbc.sql(SELECT + " WHERE id = ?").param(id).query(SubscriptionStore::row).optional();
	}

	/**
	 * Records in the acting user's name that a test message to the subscription went out.
	 */
	@Transactional
	void recordTest(Subscription subscription, UUID deliveryId) {
		this.audit.record(AuditAction.NOTIFICATION_TEST_SENT, target(subscription),
				Map.of("subscription", subscription.id().toString(), "delivery", deliveryId.toString()));
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
		this.audit.record(AuditAction.NOTIFICATION_SUBSCRIPTION_CREATED, target(subscription),
				auditDetails(id, subscription));
		return id;
	}

	@Transactional
	boolean delete(UUID id) {
		Optional<Subscription> removed = this.jdbc
			.sql("DELETE FROM notification_subscription WHERE id = ? RETURNING " + COLUMNS)
			.param(id)
			.query(SubscriptionStore::row)
			.optional();
		removed.ifPresent((subscription) -> this.audit.record(AuditAction.NOTIFICATION_SUBSCRIPTION_DELETED,
				target(subscription), auditDetails(id, subscription)));
		return removed.isPresent();
	}

	/** Where the subscription's messages go: its channel's name or its address. */
	private String target(Subscription subscription) {
		if (subscription.channelId() == null) {
			return subscription.email();
		}
		return this.jdbc.sql("SELECT name FROM notification_channel WHERE id = ?")
			.param(subscription.channelId())
			.query(String.class)
			.optional()
			.orElse(subscription.channelId().toString());
	}

	/** What the audit log keeps of a subscription (its channel's URL never). */
	private static Map<String, Object> auditDetails(UUID id, Subscription subscription) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("subscription", id.toString());
		if (subscription.tenantId() != null) {
			details.put("ownTenant", subscription.tenantId().toString());
		}
		if (subscription.channelId() != null) {
			details.put("channel", subscription.channelId().toString());
		}
		details.put("events", subscription.eventTypes().stream().map(EventType::wireName).sorted().toList());
		details.put("gateways", subscription.gatewayIds().stream().map(UUID::toString).sorted().toList());
		details.put("tenants", subscription.tenantIds().stream().map(UUID::toString).sorted().toList());
		details.put("minSeverity", subscription.minSeverity().name());
		details.put("mode", subscription.digest()
				? "digest " + subscription.digestTime() + " " + subscription.digestZone().getId() : "immediate");
		return details;
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
