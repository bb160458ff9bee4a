package ch.mspguard.checklist;

import java.util.List;

import ch.mspguard.gateway.Network;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reference data the rules read: the Exchange Online TCP 25 sources with their version.
 */
@Component
public class ReferenceData {

	static final String EXCHANGE_ONLINE = "exchange-online";

	private final JdbcClient jdbc;

	ReferenceData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public ReferenceNetworks exchangeOnline() {
		String version = this.jdbc.sql("SELECT version FROM reference_network_set WHERE name = ?")
			.param(EXCHANGE_ONLINE)
			.query(String.class)
			.optional()
			.orElse(null);
		if (version == null) {
			return ReferenceNetworks.exchangeOnlineDefault();
		}
		List<Network> networks = this.jdbc
			.sql("SELECT network::text FROM reference_network WHERE set_name = ? ORDER BY position")
			.param(EXCHANGE_ONLINE)
			.query((rs, row) -> Network.parse(rs.getString(1)))
			.list();
		return new ReferenceNetworks(version, networks);
	}

	/** The age of the Exchange Online ranges the checklist uses now. */
	@Transactional(readOnly = true)
	public RangesAge exchangeOnlineAge(java.time.LocalDate today) {
		java.time.Instant storedAt = this.jdbc.sql("SELECT updated_at FROM reference_network_set WHERE name = ?")
			.param(EXCHANGE_ONLINE)
			.query(java.sql.Timestamp.class)
			.optional()
			.map(java.sql.Timestamp::toInstant)
			.orElse(null);
		return RangesAge.of(exchangeOnline().version(), storedAt, today);
	}

}
