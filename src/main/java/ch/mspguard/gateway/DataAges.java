package ch.mspguard.gateway;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells how old gateways' data is and whether it is stale, by the application's clock and
 * {@code hardening.stale-after}. Reads run under the acting user's database role, so a
 * tenant admin learns the data age of their own gateway only.
 */
@Component
@EnableConfigurationProperties(DataAgeProperties.class)
public class DataAges {

	private final DataAgeProperties properties;

	private final Clock clock;

	private final JdbcClient jdbc;

	DataAges(DataAgeProperties properties, Clock clock, JdbcClient jdbc) {
		this.properties = properties;
		this.clock = clock;
		this.jdbc = jdbc;
	}

	/** Whether staleness is on (a positive {@code hardening.stale-after}). */
	public boolean enabled() {
		return this.properties.enabled();
	}

	/**
	 * The data age of a gateway whose data was last confirmed at the given time.
	 * @param confirmedAt when, or null if never
	 * @param confirmedBy by which kind of import, or null
	 */
	public DataAge of(Instant confirmedAt, String confirmedBy) {
		if (!enabled()) {
			return new DataAge(confirmedAt, confirmedBy, false, null);
		}
		if (confirmedAt == null) {
			return new DataAge(null, confirmedBy, true, null);
		}
		Instant staleSince = confirmedAt.plus(this.properties.staleAfter());
		boolean stale = !this.clock.instant().isBefore(staleSince);
		return new DataAge(confirmedAt, confirmedBy, stale, stale ? staleSince : null);
	}

	/**
	 * Data confirmed at or before this instant (or never) is stale now; empty when
	 * staleness is off. For filters that select stale gateways in SQL.
	 */
	public Optional<Instant> staleCutoff() {
		return enabled() ? Optional.of(this.clock.instant().minus(this.properties.staleAfter())) : Optional.empty();
	}

	/** The data age of a gateway the acting user may see. */
	@Transactional(readOnly = true)
	public Optional<DataAge> ofGateway(UUID gatewayId) {
		return this.jdbc.sql("SELECT data_confirmed_at, data_confirmed_by FROM gateway WHERE id = ?")
			.param(gatewayId)
			.query((rs, row) -> read(rs))
			.optional();
	}

	/** The data ages of every gateway the acting user may see, by gateway id. */
	@Transactional(readOnly = true)
	public Map<UUID, DataAge> byGatewayId() {
		Map<UUID, DataAge> ages = new HashMap<>();
		this.jdbc.sql("SELECT id, data_confirmed_at, data_confirmed_by FROM gateway")
			.query((RowCallbackHandler) (rs) -> ages.put(rs.getObject("id", UUID.class), read(rs)));
		return ages;
	}

	/** The data ages of every gateway the acting user may see, by gateway name. */
	@Transactional(readOnly = true)
	public Map<String, DataAge> byGatewayName() {
		Map<String, DataAge> ages = new HashMap<>();
		this.jdbc.sql("SELECT name, data_confirmed_at, data_confirmed_by FROM gateway")
			.query((RowCallbackHandler) (rs) -> ages.put(rs.getString("name"), read(rs)));
		return ages;
	}

	/**
	 * Reads the columns {@code data_confirmed_at} and {@code data_confirmed_by} of a row
	 * that selected them from {@code gateway}.
	 */
	public DataAge read(ResultSet rs) throws SQLException {
		Timestamp confirmedAt = rs.getTimestamp("data_confirmed_at");
		return of((confirmedAt != null) ? confirmedAt.toInstant() : null, rs.getString("data_confirmed_by"));
	}

}
