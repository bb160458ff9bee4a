package ch.mspguard.checklist;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import ch.mspguard.gateway.GatewayDirectory;
import ch.mspguard.scheduling.JobRun;
import ch.mspguard.scheduling.ScheduledJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Re-evaluates every gateway once a day, so that expiries and staleness take effect
 * without a configuration change. Gateways are spread over
 * {@code hardening.jobs.reevaluation.spread} (default 30 minutes) after the planned time.
 */
@Component
class DailyReevaluation implements ScheduledJob {

	private static final Logger log = LoggerFactory.getLogger(DailyReevaluation.class);

	private final GatewayDirectory gateways;

	private final EvaluationService evaluations;

	private final Duration spread;

	DailyReevaluation(GatewayDirectory gateways, EvaluationService evaluations,
			@Value("${hardening.jobs.reevaluation.spread:PT30M}") Duration spread) {
		this.gateways = gateways;
		this.evaluations = evaluations;
		this.spread = spread;
	}

	@Override
	public String id() {
		return "reevaluation";
	}

	@Override
	public String defaultCron() {
		return "0 0 2 * * *";
	}

	@Override
	public Duration spread() {
		return this.spread;
	}

	@Override
	public String run(JobRun run) {
		List<UUID> ids = this.gateways.gateways().stream().map(GatewayDirectory.GatewayRef::id).toList();
		AtomicInteger failed = new AtomicInteger();
		run.forEachSpread(ids, (gatewayId) -> {
			try {
				this.evaluations.evaluateAndStore(gatewayId, EvaluationTrigger.SCHEDULE);
			}
			catch (RuntimeException ex) {
				failed.incrementAndGet();
				log.warn("Scheduled re-evaluation of gateway {} failed: {}", gatewayId, ex.getClass().getName());
			}
		});
		return (ids.size() - failed.get()) + " of " + ids.size() + " gateways evaluated";
	}

}
