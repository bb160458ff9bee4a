package ch.mspguard.seppmail;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import ch.mspguard.audit.AuditAction;
import ch.mspguard.audit.AuditLog;
import ch.mspguard.gateway.ValidationError;
import ch.mspguard.secrets.SecretKeys;
import ch.mspguard.tenant.Actor;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The appliance endpoints of the gateways. Token and secret are encrypted before they are
 * written and decrypted only for a pull; no read for a page ever selects them.
 */
@Component
class EndpointStore {

	static final String PURPOSE = "api-credentials";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<List<Object>> ARGS = new TypeReference<>() {
	};

	private static final TypeReference<List<StoredWarning>> WARNINGS = new TypeReference<>() {
	};

	/** How many warnings of a pull the endpoint keeps. */
	static final int WARNINGS_KEPT = 200;

	/** A warning as the endpoint row keeps it. */
	private record StoredWarning(String path, String code, List<Object> args) {
	}

	private static final String SELECT = """
			SELECT g.id AS gateway_id, g.name AS gateway_name, e.base_url, e.ca_certificate, e.schedule, e.auto_apply,
			       e.last_pull_at, e.last_pull_outcome, e.last_pull_message, e.last_pull_args::text AS args, e.version,
			       e.last_pull_warnings::text AS warnings
			FROM gateway g LEFT JOIN seppmail_endpoint e ON e.gateway_id = g.id""";

	private final JdbcClient jdbc;

	private final SecretKeys keys;

	private final AuditLog audit;

	private final MeterRegistry meters;

	private final ApplicationEventPublisher events;

	EndpointStore(JdbcClient jdbc, SecretKeys keys, AuditLog audit, MeterRegistry meters,
			ApplicationEventPublisher events) {
		this.meters = meters;
		this.events = events;
		this.jdbc = jdbc;
		this.keys = keys;
		this.audit = audit;
	}

	/** Every gateway with its endpoint, if it has one. */
	@Transactional(readOnly = true)
	List<Endpoint> all() {
		return this.jdbc.sql(SELECT + " ORDER BY g.name").query(this::row).list();
	}

	@Transactional(readOnly = true)
	Optional<Endpoint> find(UUID gatewayId) {
		return this.jdbc.sql(SELECT + " WHERE g.id = ?").param(gatewayId).query(this::row).optional();
	}

	/** The decrypted credentials for one pull. */
	@Transactional(readOnly = true)
	Credentials credentials(UUID gatewayId) {
		return this.jdbc.sql("SELECT token_sealed, secret_sealed FROM seppmail_endpoint WHERE gateway_id = ?")
			.param(gatewayId)
			.query((rs, row) -> new Credentials(this.keys.decrypt(PURPOSE, rs.getBytes(1)),
					this.keys.decrypt(PURPOSE, rs.getBytes(2))))
			.single();
	}

	/**
	 * Creates or changes the endpoint; a null token or secret keeps the stored one.
	 * @param settings the new settings
	 */
	@Transactional
	void save(UUID gatewayId, EndpointSettings settings) {
		String actor = Actor.require().name();
		int updated = this.jdbc.sql("""
				UPDATE seppmail_endpoint SET base_url = ?, ca_certificate = ?, schedule = ?, auto_apply = ?,
				       token_sealed = coalesce(?, token_sealed), secret_sealed = coalesce(?, secret_sealed),
				       updated_at = now(), updated_by = ?, version = version + 1
				WHERE gateway_id = ?""")
			.params(settings.baseUrl(), settings.caCertificate(), settings.schedule().value(), settings.autoApply(),
					seal(settings.token()), seal(settings.secret()), actor, gatewayId)
			.update();
		if (updated == 0) {
			this.jdbc.sql("""
					INSERT INTO seppmail_endpoint (gateway_id, base_url, ca_certificate, schedule, auto_apply,
					       token_sealed, secret_sealed, updated_by)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(gatewayId, settings.baseUrl(), settings.caCertificate(), settings.schedule().value(),
						settings.autoApply(), seal(settings.token()), seal(settings.secret()), actor)
				.update();
		}
		this.audit.record(AuditAction.SEPPMAIL_ENDPOINT_SAVED, gatewayId.toString(), settings.auditDetails());
	}

	@Transactional
	void delete(UUID gatewayId) {
		if (this.jdbc.sql("DELETE FROM seppmail_endpoint WHERE gateway_id = ?").param(gatewayId).update() > 0) {
			this.audit.record(AuditAction.SEPPMAIL_ENDPOINT_REMOVED, gatewayId.toString(), Map.of());
		}
	}

	/** Records what a pull did, for the endpoint page and the schedule. */
	@Transactional
	void recordPull(UUID gatewayId, String outcome, String messageKey, List<Object> args) {
		recordPull(gatewayId, outcome, messageKey, args, List.of());
	}

	/**
	 * Records what a pull did and the informational values it could not record.
	 */
	@Transactional
	void recordPull(UUID gatewayId, String outcome, String messageKey, List<Object> args,
			List<ValidationError> warnings) {
		List<StoredWarning> kept = warnings.stream()
			.limit(WARNINGS_KEPT)
			.map((warning) -> new StoredWarning(warning.path(), warning.code(), warning.args()))
			.toList();
		this.meters.counter("hardening.seppmail.pulls", "outcome", outcome).increment();
		this.jdbc.sql("""
				UPDATE seppmail_endpoint SET last_pull_at = now(), last_pull_outcome = ?, last_pull_message = ?,
				       last_pull_args = ?::jsonb, last_pull_warnings = ?::jsonb
				WHERE gateway_id = ?""")
			.params(outcome, messageKey, JSON.writeValueAsString(args), JSON.writeValueAsString(kept), gatewayId)
			.update();
	}

	/**
	 * Records what a scheduled pull did and, when it failed or changes wait for review,
	 * tells listeners (notifications) in the same transaction.
	 */
	@Transactional
	void recordScheduledPull(Endpoint endpoint, String outcome, String messageKey, List<Object> args,
			List<ValidationError> warnings) {
		recordPull(endpoint.gatewayId(), outcome, messageKey, args, warnings);
		if (SeppmailPuller.FAILED.equals(outcome) || SeppmailPuller.CHANGES_WAITING.equals(outcome)) {
			this.events.publishEvent(new ScheduledPullFinished(endpoint.gatewayId(), endpoint.gatewayName(),
					SeppmailPuller.FAILED.equals(outcome), messageKey, args));
		}
	}

	/** The gateways whose scheduled pull is due. */
	@Transactional(readOnly = true)
	List<UUID> due() {
		return this.jdbc.sql("""
				SELECT gateway_id FROM seppmail_endpoint
				WHERE schedule <> 'off' AND (last_pull_at IS NULL OR last_pull_at +
				      CASE schedule WHEN 'hourly' THEN interval '1 hour' ELSE interval '1 day' END <= now())
				ORDER BY last_pull_at NULLS FIRST""").query(UUID.class).list();
	}

	private byte[] seal(String plaintext) {
		return (plaintext != null) ? this.keys.encrypt(PURPOSE, plaintext) : null;
	}

	private static List<ValidationError> warnings(String json) {
		if (json == null) {
			return List.of();
		}
		return JSON.readValue(json, WARNINGS)
			.stream()
			.map((warning) -> new ValidationError(warning.path(), warning.code(), warning.args()))
			.toList();
	}

	private Endpoint row(ResultSet rs, int row) throws SQLException {
		String outcome = rs.getString("last_pull_outcome");
		Endpoint.PullStatus status = (outcome != null) ? new Endpoint.PullStatus(
				rs.getTimestamp("last_pull_at").toInstant(), outcome, rs.getString("last_pull_message"),
				(rs.getString("args") != null) ? JSON.readValue(rs.getString("args"), ARGS) : List.of(),
				warnings(rs.getString("warnings"))) : null;
		return new Endpoint(rs.getObject("gateway_id", UUID.class), rs.getString("gateway_name"),
				rs.getString("base_url"), rs.getString("ca_certificate"),
				Schedule.of(rs.getString("schedule")).orElse(Schedule.OFF), rs.getBoolean("auto_apply"), status,
				rs.getLong("version"));
	}

}
