package ch.mspguard.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ch.mspguard.checklist.Cause;
import ch.mspguard.checklist.Light;
import ch.mspguard.checklist.LightsChanged;
import ch.mspguard.exceptions.ExceptionChanged;
import ch.mspguard.gateway.GatewayDirectory;
import ch.mspguard.gateway.SnapshotDiff;
import ch.mspguard.gateway.SnapshotImported;
import ch.mspguard.seppmail.ScheduledPullFinished;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns the events of other modules into outbox rows, synchronously and so in the
 * publisher's transaction: a rolled-back import leaves no event behind.
 */
@Component
class OutboxListener {

	private static final Logger log = LoggerFactory.getLogger(OutboxListener.class);

	private final Outbox outbox;

	private final Clock clock;

	private final GatewayDirectory gateways;

	OutboxListener(Outbox outbox, Clock clock, GatewayDirectory gateways) {
		this.outbox = outbox;
		this.clock = clock;
		this.gateways = gateways;
	}

	@EventListener
	void onLightsChanged(LightsChanged event) {
		long start = System.nanoTime();
		List<OutboxEvent> events = new ArrayList<>();
		String gateway = this.gateways.gateway(event.gatewayId()).map(GatewayDirectory.GatewayRef::name).orElse(null);
		for (LightsChanged.TenantChange change : event.changes()) {
			// A tenant's first evaluation is no change; its import is announced instead.
			if (change.before() == null) {
				continue;
			}
			if (change.lightChanged()) {
				events.add(lightEvent(event, gateway, change));
			}
			for (LightsChanged.NewFailure failure : change.newFailures()) {
				events.add(failureEvent(event, gateway, change, failure));
			}
		}
		this.outbox.write(events);
		if (!events.isEmpty()) {
			// what notifications add to the evaluation's transaction (bench/run reads it)
			log.info("Recorded {} notification events of gateway {} in {} ms", events.size(), gateway,
					(System.nanoTime() - start) / 1_000_000);
		}
	}

	private static OutboxEvent lightEvent(LightsChanged event, String gateway, LightsChanged.TenantChange change) {
		boolean worsened = change.worsened();
		NotificationSeverity severity = !worsened ? NotificationSeverity.INFO
				: (change.after() == Light.RED) ? NotificationSeverity.CRITICAL : NotificationSeverity.WARNING;
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("before", change.before().name());
		payload.put("after", change.after().name());
		payload.put("trigger", event.trigger().name());
		payload.put("causes", change.causes().stream().map(OutboxListener::cause).toList());
		return new OutboxEvent(UUID.randomUUID(), worsened ? EventType.LIGHT_WORSENED : EventType.LIGHT_IMPROVED,
				severity, event.at(), event.gatewayId(), gateway, change.tenantId(), change.tenant(),
				"light:" + change.tenantId(), change.after().name(), payload);
	}

	private static OutboxEvent failureEvent(LightsChanged event, String gateway, LightsChanged.TenantChange change,
			LightsChanged.NewFailure failure) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("rule", failure.ruleId());
		payload.put("domain", failure.domain());
		String key = "fail:" + change.tenantId() + ":" + failure.ruleId() + ":"
				+ ((failure.domain() != null) ? failure.domain() : "");
		return new OutboxEvent(UUID.randomUUID(), EventType.FINDING_FAILED, NotificationSeverity.WARNING, event.at(),
				event.gatewayId(), gateway, change.tenantId(), change.tenant(), key, "FAIL", payload);
	}

	/** A cause as names and values; another tenant's change names nothing of it. */
	private static Map<String, Object> cause(Cause cause) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("kind", cause.kind().name());
		boolean foreign = cause.kind() == Cause.Kind.OTHER_TENANT;
		map.put("subject", foreign ? null : cause.subject());
		map.put("field", foreign ? null : cause.field());
		map.put("before", foreign ? null : cause.before());
		map.put("after", foreign ? null : cause.after());
		map.put("via", cause.via());
		return map;
	}

	@EventListener
	void onImported(SnapshotImported event) {
		SnapshotDiff diff = event.diff();
		if (diff.isEmpty()) {
			return;
		}
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("source", event.source());
		payload.put("addedTenants", diff.addedTenants().size());
		payload.put("removedTenants", diff.removedTenants().size());
		payload.put("changedTenants", diff.changedTenants().size());
		payload.put("changedDomains",
				diff.addedDomains().size() + diff.removedDomains().size() + diff.changedDomains().size());
		UUID id = UUID.randomUUID();
		this.outbox.write(List.of(new OutboxEvent(id, EventType.IMPORT_APPLIED, NotificationSeverity.INFO, now(),
				event.gatewayId(), event.gatewayName(), null, null, "import:" + id, null, payload)));
	}

	@EventListener
	void onScheduledPull(ScheduledPullFinished event) {
		EventType type = event.failed() ? EventType.PULL_FAILED : EventType.PULL_CHANGES_WAITING;
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("messageKey", event.messageKey());
		payload.put("args", event.args());
		this.outbox.write(List.of(new OutboxEvent(UUID.randomUUID(), type,
				event.failed() ? NotificationSeverity.WARNING : NotificationSeverity.INFO, now(), event.gatewayId(),
				event.gatewayName(), null, null, "pull:" + event.gatewayId() + ":" + type.name(), event.messageKey(),
				payload)));
	}

	@EventListener
	void onExceptionChanged(ExceptionChanged event) {
		EventType type = switch (event.change()) {
			case REQUESTED -> EventType.EXCEPTION_REQUESTED;
			case APPROVED -> EventType.EXCEPTION_APPROVED;
			case REJECTED -> EventType.EXCEPTION_REJECTED;
			case EXPIRING -> EventType.EXCEPTION_EXPIRING;
			case LAPSED -> EventType.EXCEPTION_LAPSED;
			case NEEDS_REVIEW -> EventType.EXCEPTION_NEEDS_REVIEW;
		};
		NotificationSeverity severity = switch (event.change()) {
			case EXPIRING, LAPSED, NEEDS_REVIEW -> NotificationSeverity.WARNING;
			default -> NotificationSeverity.INFO;
		};
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("exception", event.exceptionId().toString());
		payload.put("rule", event.ruleId());
		payload.put("domain", event.domain());
		payload.put("state", event.state().name());
		payload.put("by", event.actor());
		payload.put("expiresOn", event.expiresOn().toString());
		payload.put("reviewReason", event.reviewReason());
		String gateway = this.gateways.gateway(event.gatewayId()).map(GatewayDirectory.GatewayRef::name).orElse(null);
		List<OutboxEvent> events = List.of(new OutboxEvent(UUID.randomUUID(), type, severity, event.at(),
				event.gatewayId(), gateway, event.tenantId(), event.tenantName(),
				"exception:" + event.exceptionId() + ":" + event.change().name(), event.state().name(), payload));
		if (event.change() == ExceptionChanged.Change.EXPIRING) {
			// Published every day it holds; told once per exception.
			this.outbox.writeNew(events);
		}
		else {
			this.outbox.write(events);
		}
	}

	private Instant now() {
		return this.clock.instant();
	}

}
