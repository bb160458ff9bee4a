package ch.mspguard.checklist;

import java.time.Duration;
import java.util.List;

import ch.mspguard.tenant.SystemActor;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gauges for operations (/actuator/prometheus), read from the stored evaluations once a
 * minute: tenants per light per gateway ({@code hardening_tenants}), and gateways whose
 * configuration has not been evaluated (imported, pulled, edited) for
 * {@code hardening.metrics.stale-after} ({@code hardening_gateways_stale}). Every
 * instance reports the same figures; dashboards take the maximum.
 */
@Component
class LightMetrics {

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Duration staleAfter;

	private final MultiGauge tenants;

	private final MultiGauge stale;

	LightMetrics(JdbcClient jdbc, PlatformTransactionManager transactionManager, MeterRegistry meters,
			@Value("${hardening.metrics.stale-after:7d}") Duration staleAfter) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setReadOnly(true);
		this.staleAfter = staleAfter;
		this.tenants = MultiGauge.builder("hardening.tenants")
			.description("Tenants per light and gateway, by their current evaluation")
			.register(meters);
		this.stale = MultiGauge.builder("hardening.gateways.stale")
			.description("Gateways not evaluated for hardening.metrics.stale-after")
			.register(meters);
	}

	@Scheduled(initialDelayString = "PT10S", fixedDelayString = "${hardening.metrics.refresh:PT1M}")
	void refresh() {
		SystemActor.run("metrics", () -> this.transactions.executeWithoutResult((tx) -> {
			List<MultiGauge.Row<Number>> lights = this.jdbc.sql("""
					SELECT g.name, l.light, l.tenants FROM current_evaluation c
					JOIN gateway g ON g.id = c.gateway_id
					JOIN evaluation e ON e.id = c.evaluation_id
					CROSS JOIN LATERAL (VALUES ('RED', e.red_tenants), ('YELLOW', e.yellow_tenants),
					                           ('GREEN', e.green_tenants)) AS l (light, tenants)""")
				.query((rs, row) -> MultiGauge.Row.of(Tags.of("gateway", rs.getString(1), "light", rs.getString(2)),
						rs.getLong(3)))
				.list();
			this.tenants.register(lights, true);
			long staleGateways = this.jdbc.sql("""
					SELECT count(*) FROM gateway g
					LEFT JOIN current_evaluation c ON c.gateway_id = g.id
					LEFT JOIN evaluation e ON e.id = c.evaluation_id
					WHERE e.evaluated_at IS NULL OR e.evaluated_at < now() - make_interval(secs => ?)""")
				.param(this.staleAfter.toSeconds())
				.query(Long.class)
				.single();
			this.stale.register(List.of(MultiGauge.Row.of(Tags.empty(), staleGateways)), true);
		}));
	}

}
