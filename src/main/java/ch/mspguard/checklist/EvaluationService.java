package ch.mspguard.checklist;

import java.time.Clock;
import java.util.UUID;

import ch.mspguard.gateway.GatewayConfigurationChanged;
import ch.mspguard.gateway.GatewaySnapshot;
import ch.mspguard.gateway.StoredGateway;
import ch.mspguard.gateway.StoredGatewayLoader;
import ch.mspguard.tenant.Actor;

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

	private final StoredGatewayLoader loader;

	private final EvaluationStore store;

	private final ReferenceData referenceData;

	private final Clock clock;

	EvaluationService(StoredGatewayLoader loader, EvaluationStore store, ReferenceData referenceData) {
		this.loader = loader;
		this.store = store;
		this.referenceData = referenceData;
		this.clock = Clock.systemUTC();
	}

	@EventListener
	void onConfigurationChanged(GatewayConfigurationChanged event) {
		evaluateAndStore(event.gatewayId(), event.trigger());
	}

	/**
	 * Evaluates the stored gateway and makes the result its current evaluation.
	 * @return the evaluation's id
	 */
	@Transactional
	public UUID evaluateAndStore(UUID gatewayId, String trigger) {
		StoredGateway gateway = this.loader.find(gatewayId)
			.orElseThrow(() -> new IllegalArgumentException("No gateway " + gatewayId));
		GatewayResult result = GatewayResult.evaluate(gateway.snapshot(), this.referenceData.exchangeOnline());
		return this.store.store(gateway, result, trigger, Actor.current().map(Actor::name).orElse("system"),
				this.clock.instant());
	}

	/** Evaluates a configuration without storing anything. */
	@Transactional(readOnly = true)
	public GatewayResult dryRun(GatewaySnapshot snapshot) {
		return GatewayResult.evaluate(snapshot, this.referenceData.exchangeOnline());
	}

}
