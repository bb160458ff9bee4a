package ch.mspguard.checklist;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import ch.mspguard.gateway.GatewayConfigurationChanged;
import ch.mspguard.gateway.GatewaySnapshot;
import ch.mspguard.gateway.StoredGateway;
import ch.mspguard.gateway.StoredGatewayLoader;
import ch.mspguard.gateway.WrittenGateway;
import ch.mspguard.tenant.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evaluates gateways against the checklist: stored ones after every change (inside the
 * same transaction, so the dashboard never shows a configuration without its evaluation),
 * and documents that are not stored at all (a dry run).
 */
@Service
public class EvaluationService {

	private static final Logger log = LoggerFactory.getLogger(EvaluationService.class);

	private final StoredGatewayLoader loader;

	private final EvaluationStore store;

	private final ReferenceData referenceData;

	private final Clock clock;

	private final MeterRegistry meters;

	/**
	 * Issue 14: the exceptions that cover findings (none without the exceptions module).
	 */
	private final FindingCoverage coverage;

	EvaluationService(StoredGatewayLoader loader, EvaluationStore store, ReferenceData referenceData,
			MeterRegistry meters, Clock clock, ObjectProvider<FindingCoverage> coverage) {
		this.coverage = coverage.getIfAvailable(() -> (gateway, result) -> Coverage.NONE);
		this.loader = loader;
		this.store = store;
		this.referenceData = referenceData;
		this.clock = clock;
		this.meters = meters;
	}

	/** Evaluates what was just written, without reading it back. */
	@EventListener
	void onConfigurationChanged(GatewayConfigurationChanged event) {
		evaluateAndStore(event.written(), EvaluationTrigger.of(event.how()), System.nanoTime());
	}

	/**
	 * Evaluates the stored gateway and makes the result its current evaluation.
	 * @return the evaluation's id
	 */
	@Transactional
	public UUID evaluateAndStore(UUID gatewayId, EvaluationTrigger trigger) {
		return evaluateAndStore(gatewayId, trigger, List.of());
	}

	/**
	 * Evaluates the stored gateway and makes the result its current evaluation.
	 * @param causes why it is evaluated, recorded as the causes of the light changes this
	 * evaluation brings (e.g. an exception that was granted)
	 * @return the evaluation's id
	 */
	@Transactional
	public UUID evaluateAndStore(UUID gatewayId, EvaluationTrigger trigger, List<Cause> causes) {
		long start = System.nanoTime();
		StoredGateway gateway = this.loader.find(gatewayId)
			.orElseThrow(() -> new IllegalArgumentException("No gateway " + gatewayId));
		return evaluateAndStore(WrittenGateway.of(gateway), trigger, start);
	}

	private UUID evaluateAndStore(WrittenGateway gateway, EvaluationTrigger trigger, long start) {
		long loaded = System.nanoTime();
		GatewayResult result = GatewayResult.evaluate(gateway.snapshot(), this.referenceData.exchangeOnline());
		// Issue 14: which findings exceptions cover; its causes (needs review, lapsed)
		// belong to the light changes of this evaluation.
		Coverage coverage = this.coverage.cover(gateway, result);
		long evaluated = System.nanoTime();
		UUID id = this.store.store(gateway, result, coverage, trigger,
				Actor.current().map(Actor::name).orElse("system"), this.clock.instant());
		long stored = System.nanoTime();
		this.meters.timer("hardening.evaluation", "trigger", trigger.name())
			.record(stored - start, java.util.concurrent.TimeUnit.NANOSECONDS);
		log.info("Evaluated gateway {} ({} tenants, {} domains) in {} ms: load {} ms, rules {} ms, store {} ms",
				gateway.snapshot().gateway().name(), gateway.snapshot().tenants().size(), gateway.domainIds().size(),
				millis(start, stored), millis(start, loaded), millis(loaded, evaluated), millis(evaluated, stored));
		return id;
	}

	private static long millis(long from, long to) {
		return (to - from) / 1_000_000;
	}

	/** Evaluates a configuration without storing anything. */
	@Transactional(readOnly = true)
	public GatewayResult dryRun(GatewaySnapshot snapshot) {
		return GatewayResult.evaluate(snapshot, this.referenceData.exchangeOnline());
	}

}
