package ch.mspguard.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ch.mspguard.gateway.DataAge;
import ch.mspguard.gateway.DataAges;
import ch.mspguard.gateway.GatewayDirectory;
import ch.mspguard.scheduling.JobRun;
import ch.mspguard.scheduling.ScheduledJob;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Announces a gateway whose data turned stale ({@code hardening.stale-after} after its
 * last confirmation), by the clock and without waiting for an import: once per stale
 * period, that is per gateway and last confirmation. A confirming import ends the period;
 * the next stale period is announced again. Besides the gateway's event, each of its
 * tenants gets one that names only that tenant (see {@link EventType#GATEWAY_STALE}).
 */
@Component
class StaleDataWatch implements ScheduledJob {

	private final DataAges dataAges;

	private final GatewayDirectory gateways;

	private final Outbox outbox;

	private final TransactionTemplate transactions;

	private final Clock clock;

	StaleDataWatch(DataAges dataAges, GatewayDirectory gateways, Outbox outbox, TransactionTemplate transactions,
			Clock clock) {
		this.dataAges = dataAges;
		this.gateways = gateways;
		this.outbox = outbox;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Override
	public String id() {
		return "stale-data";
	}

	@Override
	public String defaultCron() {
		return "0 20 * * * *";
	}

	@Override
	public String run(JobRun run) {
		if (!this.dataAges.enabled()) {
			return "staleness is off";
		}
		Integer announced = this.transactions.execute((tx) -> this.outbox.writeNew(staleEvents()));
		return announced + " stale data events";
	}

	/** An event for every stale gateway and each of its tenants, told or not. */
	List<OutboxEvent> staleEvents() {
		Map<UUID, DataAge> ages = this.dataAges.byGatewayId();
		Map<UUID, List<GatewayDirectory.TenantRef>> tenants = new LinkedHashMap<>();
		this.gateways.tenants()
			.forEach((tenant) -> tenants.computeIfAbsent(tenant.gatewayId(), (id) -> new ArrayList<>()).add(tenant));
		Instant now = this.clock.instant();
		List<OutboxEvent> events = new ArrayList<>();
		for (GatewayDirectory.GatewayRef gateway : this.gateways.gateways()) {
			DataAge age = ages.get(gateway.id());
			if (age == null || !age.stale()) {
				continue;
			}
			String period = "stale:" + gateway.id() + ":"
					+ ((age.confirmedAt() != null) ? age.confirmedAt().toString() : "never");
			Map<String, Object> payload = new LinkedHashMap<>();
			payload.put("confirmedAt", (age.confirmedAt() != null) ? age.confirmedAt().toString() : null);
			payload.put("confirmedBy", age.confirmedBy());
			payload.put("staleSince", (age.staleSince() != null) ? age.staleSince().toString() : null);
			events.add(event(now, gateway, null, null, period, payload));
			for (GatewayDirectory.TenantRef tenant : tenants.getOrDefault(gateway.id(), List.of())) {
				events.add(event(now, gateway, tenant.id(), tenant.name(), period + ":" + tenant.id(), payload));
			}
		}
		return events;
	}

	private static OutboxEvent event(Instant now, GatewayDirectory.GatewayRef gateway, UUID tenantId, String tenantName,
			String key, Map<String, Object> payload) {
		return new OutboxEvent(UUID.randomUUID(), EventType.GATEWAY_STALE, NotificationSeverity.WARNING, now,
				gateway.id(), gateway.name(), tenantId, tenantName, key, "STALE", payload);
	}

}
