package ch.mspguard.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import ch.mspguard.audit.AuditAction;
import ch.mspguard.audit.AuditLog;
import ch.mspguard.secrets.SecretKeys;
import ch.mspguard.tenant.Actor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The channels. Webhook URLs and secrets are sealed before they are written and unsealed
 * only to send; no read for a page selects them.
 */
@Component
class ChannelStore {

	static final String PURPOSE = "notification-webhook";

	private static final String SELECT = "SELECT id, name, kind, email, language, last_success_at, last_failure_at, "
			+ "last_failure FROM notification_channel";

	private final JdbcClient jdbc;

	private final SecretKeys keys;

	private final AuditLog audit;

	ChannelStore(JdbcClient jdbc, SecretKeys keys, AuditLog audit) {
		this.jdbc = jdbc;
		this.keys = keys;
		this.audit = audit;
	}

	/** Where a webhook goes and its signing secret, unsealed for one delivery. */
	record Target(String url, String secret) {

		@Override
		public String toString() {
			return "Target[redacted]";
		}

	}

	@Transactional(readOnly = true)
	List<Channel> all() {
		return this.jdbc.sql(SELECT + " ORDER BY lower(name)").query(ChannelStore::row).list();
	}

	@Transactional(readOnly = true)
	Optional<Channel> find(UUID id) {
		return this.jdbc.sql(SELECT + " WHERE id = ?").param(id).query(ChannelStore::row).optional();
	}

	@Transactional(readOnly = true)
	boolean nameTaken(String name) {
		return this.jdbc.sql("SELECT count(*) FROM notification_channel WHERE lower(name) = lower(?)")
			.param(name)
			.query(Long.class)
			.single() > 0;
	}

	@Transactional
	UUID create(NewChannel channel, Instant now) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO notification_channel (id, name, kind, email, url_sealed, secret_sealed, language,
				       created_at, created_by)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, channel.name(), channel.kind().name(), channel.email(), seal(channel.url()),
					seal(channel.secret()), channel.language(), Timestamp.from(now), Actor.require().name())
			.update();
		// Whether a URL and a secret were stored, never what they are.
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("channel", id.toString());
		details.put("kind", channel.kind().name());
		details.put("language", channel.language());
		if (channel.email() != null) {
			details.put("email", channel.email());
		}
		details.put("urlStored", channel.url() != null);
		details.put("secretStored", channel.secret() != null);
		this.audit.record(AuditAction.NOTIFICATION_CHANNEL_CREATED, channel.name(), details);
		return id;
	}

	@Transactional
	boolean delete(UUID id) {
		Optional<Channel> removed = this.jdbc
			.sql("DELETE FROM notification_channel WHERE id = ? RETURNING "
					+ "id, name, kind, email, language, last_success_at, last_failure_at, last_failure")
			.param(id)
			.query(ChannelStore::row)
			.optional();
		removed.ifPresent((channel) -> this.audit.record(AuditAction.NOTIFICATION_CHANNEL_DELETED, channel.name(),
				Map.of("channel", channel.id().toString(), "kind", channel.kind().name())));
		return removed.isPresent();
	}

	@Transactional(readOnly = true)
	Target target(UUID id) {
		return this.jdbc.sql("SELECT url_sealed, secret_sealed FROM notification_channel WHERE id = ?")
			.param(id)
			.query((rs, row) -> new Target(unseal(rs.getBytes(1)), unseal(rs.getBytes(2))))
			.single();
	}

	@Transactional
	void recordOutcome(UUID id, boolean success, String failure, Instant at) {
		if (success) {
			this.jdbc.sql("UPDATE notification_channel SET last_success_at = ? WHERE id = ?")
				.params(Timestamp.from(at), id)
				.update();
		}
		else {
			this.jdbc.sql("UPDATE notification_channel SET last_failure_at = ?, last_failure = ? WHERE id = ?")
				.params(Timestamp.from(at), failure, id)
				.update();
		}
	}

	/** Channels whose last delivery failed, for the overview's banner. */
	@Transactional(readOnly = true)
	List<Channel> failing() {
		return all().stream().filter(Channel::failing).toList();
	}

	private byte[] seal(String text) {
		return (text != null) ? this.keys.encrypt(PURPOSE, text) : null;
	}

	private String unseal(byte[] sealed) {
		return (sealed != null) ? this.keys.decrypt(PURPOSE, sealed) : null;
	}

	private static Channel row(ResultSet rs, int row) throws SQLException {
		return new Channel(rs.getObject(1, UUID.class), rs.getString(2), ChannelKind.valueOf(rs.getString(3)),
				rs.getString(4), rs.getString(5), instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7)),
				rs.getString(8));
	}

	static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
