package ch.mspguard.notification;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * An event as the outbox keeps it.
 *
 * @param id stable id, sent to webhooks
 * @param type what happened
 * @param severity how urgent
 * @param occurredAt when
 * @param gatewayId the gateway, if any
 * @param gatewayName its name
 * @param tenantId the tenant, for tenant events
 * @param tenantName its name
 * @param dedupeKey tenant, rule and transition family: the cooldown's key
 * @param state the key's subject after the event (a light, FAIL)
 * @param payload type-specific details (names and values, never rendered text)
 */
record OutboxEvent(UUID id, EventType type, NotificationSeverity severity, Instant occurredAt, UUID gatewayId,
		String gatewayName, UUID tenantId, String tenantName, String dedupeKey, String state,
		Map<String, Object> payload) {

}
