package ch.mspguard.notification;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The outbox: events are written here in the transaction that causes them, so an event is
 * never lost and never recorded for a change that was rolled back. The only writer of
 * {@code notification_event}.
 */
@Component
class Outbox {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private static final String COLUMNS = "id, type, severity, occurred_at, gateway_id, gateway_name, tenant_id, "
			+ "tenant_name, dedupe_key, state, payload::text";

	private final JdbcTemplate jdbcTemplate;

	private final JdbcClient jdbc;

	Outbox(JdbcTemplate jdbcTemplate, JdbcClient jdbc) {
		this.jdbcTemplate = jdbcTemplate;
		this.jdbc = jdbc;
	}

	/** Writes the events in one batch, in the caller's transaction. */
	void write(List<OutboxEvent> events) {
		if (events.isEmpty()) {
			return;
		}
		this.jdbcTemplate.batchUpdate("""
				INSERT INTO notification_event (id, type, severity, occurred_at, gateway_id, gateway_name, tenant_id,
				       tenant_name, dedupe_key, state, payload)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)""", events, 500, Outbox::bind);
	}

	private static void bind(PreparedStatement statement, OutboxEvent event) throws SQLException {
		statement.setObject(1, event.id());
		statement.setString(2, event.type().name());
		statement.setString(3, event.severity().name());
		statement.setTimestamp(4, Timestamp.from(event.occurredAt()));
		statement.setObject(5, event.gatewayId());
		statement.setString(6, event.gatewayName());
		statement.setObject(7, event.tenantId());
		statement.setString(8, event.tenantName());
		statement.setString(9, event.dedupeKey());
		statement.setString(10, event.state());
		statement.setString(11, JSON.writeValueAsString(event.payload()));
	}

	/**
	 * Writes only the events whose dedupe key was never written before: for facts that
	 * hold for a while (an exception expires soon, a gateway's data is stale) but are
	 * told once. Needs a role that reads the outbox (operator or system).
	 * @return how many were written
	 */
	int writeNew(List<OutboxEvent> events) {
		if (events.isEmpty()) {
			return 0;
		}
		List<String> known = this.jdbc
			.sql("SELECT DISTINCT dedupe_key FROM notification_event WHERE dedupe_key = ANY(?)")
			.param(events.stream().map(OutboxEvent::dedupeKey).distinct().toArray(String[]::new))
			.query(String.class)
			.list();
		List<OutboxEvent> fresh = events.stream().filter((event) -> !known.contains(event.dedupeKey())).toList();
		write(fresh);
		return fresh.size();
	}

	/** Writes an event that needs no routing (a test message). */
	void writeRouted(OutboxEvent event, Instant at) {
		write(List.of(event));
		this.jdbc.sql("UPDATE notification_event SET routed_at = ? WHERE id = ? AND routed_at IS NULL")
			.params(Timestamp.from(at), event.id())
			.update();
	}

	/** Events not routed to subscriptions yet, oldest first. */
	List<OutboxEvent> unrouted(int limit) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM notification_event WHERE routed_at IS NULL ORDER BY occurred_at, id "
					+ "LIMIT ? FOR UPDATE SKIP LOCKED")
			.param(limit)
			.query(Outbox::row)
			.list();
	}

	void markRouted(Collection<UUID> ids, Instant at) {
		this.jdbc.sql("UPDATE notification_event SET routed_at = ? WHERE id = ANY(?)")
			.params(Timestamp.from(at), ids.toArray(UUID[]::new))
			.update();
	}

	List<OutboxEvent> find(Collection<UUID> ids) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM notification_event WHERE id = ANY(?) ORDER BY occurred_at, id")
			.param(ids.toArray(UUID[]::new))
			.query(Outbox::row)
			.list();
	}

	private static OutboxEvent row(ResultSet rs, int row) throws SQLException {
		return new OutboxEvent(rs.getObject(1, UUID.class), EventType.valueOf(rs.getString(2)),
				NotificationSeverity.valueOf(rs.getString(3)), rs.getTimestamp(4).toInstant(),
				rs.getObject(5, UUID.class), rs.getString(6), rs.getObject(7, UUID.class), rs.getString(8),
				rs.getString(9), rs.getString(10), JSON.readValue(rs.getString(11), MAP));
	}

}
