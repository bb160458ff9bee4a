package ch.mspguard.checklist;

import java.time.Clock;
import java.time.Instant;
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
import org.springframework.context.ApplicationEventPublisher;
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

	private final ApplicationEventPublisher events;

	/**
	 * Issue 14: the exceptions that cover findings (none without the exceptions module).
	 */
	private final FindingCoverage coverage;

	EvaluationService(StoredGatewayLoader loader, EvaluationStore store, ReferenceData referenceData,
			MeterRegistry meters, Clock clock, ApplicationEventPublisher events,
			ObjectProvider<FindingCoverage> coverage) {
		this.events = events;
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
		evaluateAndStore(event.written(), EvaluationTrigger.of(event.how()), new ConfigurationCauses(event, actor()),
				System.nanoTime());
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
		return evaluateAndStore(WrittenGateway.of(gateway), trigger, TenantCauses.of(causes), start);
	}

	private UUID evaluateAndStore(WrittenGateway gateway, EvaluationTrigger trigger, TenantCauses causes, long start) {
		long loaded = System.nanoTime();
		ReferenceNetworks ranges = this.referenceData.exchangeOnline();
		GatewayResult result = GatewayResult.evaluate(gateway.snapshot(), ranges);
		// Issue 14: which findings exceptions cover; its causes (needs review, lapsed)
		// belong to the light changes of this evaluation.
		Coverage coverage = this.coverage.cover(gateway, result);
		long evaluated = System.nanoTime();
		Instant at = this.clock.instant();
		EvaluationStore.Stored stored = this.store.store(gateway, result, coverage, trigger, actor(), at,
				ranges.version(), causes);
		if (!stored.changes().isEmpty()) {
			this.events.publishEvent(new LightsChanged(gateway.id(), stored.id(), at, trigger, stored.changes()));
		}
		long done = System.nanoTime();
		this.meters.timer("hardening.evaluation", "trigger", trigger.name())
			.record(done - start, java.util.concurrent.TimeUnit.NANOSECONDS);
		log.info("Evaluated gateway {} ({} tenants, {} domains) in {} ms: load {} ms, rules {} ms, store {} ms",
				gateway.snapshot().gateway().name(), gateway.snapshot().tenants().size(), gateway.domainIds().size(),
				millis(start, done), millis(start, loaded), millis(loaded, evaluated), millis(evaluated, done));
		return stored.id();
	}

	private static String actor() {
		return Actor.current().map(Actor::name).orElse("system");
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
