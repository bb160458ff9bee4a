package ch.mspguard.checklist;

import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ch.mspguard.audit.AuditAction;
import ch.mspguard.audit.AuditLog;
import ch.mspguard.gateway.GatewayDirectory;
import ch.mspguard.gateway.Network;
import ch.mspguard.gateway.StoredGatewayLoader;
import ch.mspguard.gateway.ValidationError;
import ch.mspguard.tenant.Actor;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Replaces the Exchange Online ranges with those of an uploaded endpoints document and
 * re-evaluates the gateways whose findings depend on them (the pure Exchange Online
 * ones).
 */
@Service
public class ReferenceDataService {

	private final JdbcTemplate jdbc;

	private final GatewayDirectory gateways;

	private final StoredGatewayLoader loader;

	private final EvaluationService evaluations;

	private final AuditLog audit;

	ReferenceDataService(JdbcTemplate jdbc, GatewayDirectory gateways, StoredGatewayLoader loader,
			EvaluationService evaluations, AuditLog audit) {
		this.jdbc = jdbc;
		this.gateways = gateways;
		this.loader = loader;
		this.evaluations = evaluations;
		this.audit = audit;
	}

	/**
	 * @return the names of the gateways that were re-evaluated
	 * @throws InvalidEndpointsException when the document or the version is unusable
	 */
	@Transactional
	public List<String> replaceExchangeOnline(String version, byte[] endpoints, String fileName) {
		checkVersion(version);
		return replaceExchangeOnline(version, ExchangeOnlineEndpoints.read(endpoints), fileName, List.of());
	}

	/**
	 * @throws InvalidEndpointsException when the version is not Microsoft's kind
	 */
	static void checkVersion(String version) {
		if (version == null || !version.strip().matches("[0-9A-Za-z._-]{1,40}")) {
			throw new InvalidEndpointsException(List.of(ValidationError.of("/version", "endpoints.version")));
		}
	}

	/**
	 * Replaces the ranges with those of a preview.
	 * @param changed gateways whose outcomes the preview found changing; re-evaluated
	 * together with the pure Exchange Online ones
	 * @return the names of the gateways that were re-evaluated
	 */
	@Transactional
	List<String> replaceExchangeOnline(String version, List<Network> networks, String fileName, List<String> changed) {
		checkVersion(version);
		this.jdbc.update("DELETE FROM reference_network WHERE set_name = ?", ReferenceData.EXCHANGE_ONLINE);
		this.jdbc.update("""
				INSERT INTO reference_network_set (name, version, source, updated_by) VALUES (?, ?, ?, ?)
				ON CONFLICT (name) DO UPDATE SET version = excluded.version, source = excluded.source,
				       updated_by = excluded.updated_by, updated_at = now()""", ReferenceData.EXCHANGE_ONLINE,
				version.strip(), "Upload " + fileName, Actor.require().name());
		List<Object[]> rows = new ArrayList<>();
		for (int i = 0; i < networks.size(); i++) {
			rows.add(new Object[] { ReferenceData.EXCHANGE_ONLINE, i,
					networks.get(i).blocks().get(0).toPrefixBlock().toCanonicalString() });
		}
		this.jdbc.batchUpdate("INSERT INTO reference_network (set_name, position, network) VALUES (?, ?, ?::cidr)",
				rows, new int[] { Types.VARCHAR, Types.INTEGER, Types.VARCHAR });
		List<String> reevaluated = new ArrayList<>();
		for (GatewayDirectory.GatewayRef gateway : this.gateways.gateways()) {
			boolean pure = this.loader.find(gateway.id())
				.map((stored) -> stored.snapshot().isPureExchangeOnline())
				.orElse(false);
			if (pure || changed.contains(gateway.name())) {
				this.evaluations.evaluateAndStore(gateway.id(), EvaluationTrigger.REFERENCE_DATA);
				reevaluated.add(gateway.name());
			}
		}
		this.audit.record(AuditAction.REFERENCE_DATA_REPLACED, ReferenceData.EXCHANGE_ONLINE,
				Map.of("version", version.strip(), "networks", networks.stream().map(Network::text).toList(),
						"reevaluated", reevaluated));
		return reevaluated;
	}

}
