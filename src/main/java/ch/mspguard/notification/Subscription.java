package ch.mspguard.notification;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;
import java.util.UUID;

/**
 * Who receives which events, how and when.
 *
 * @param id the id
 * @param owner who created it
 * @param tenantId set for a tenant admin's own subscription: only this tenant's events
 * @param channelId the channel (operators' subscriptions)
 * @param email the address (tenant admins' subscriptions)
 * @param language the language of e-mails to {@code email}
 * @param eventTypes the events
 * @param gatewayIds only these gateways; empty for all
 * @param tenantIds only these tenants; empty for all
 * @param minSeverity the least severity sent
 * @param digest whether events are collected into a daily digest
 * @param digestTime the digest's local time
 * @param digestZone its time zone
 * @param lastDigestAt when the last digest was made
 */
public record Subscription(UUID id, String owner, UUID tenantId, UUID channelId, String email, String language,
		Set<EventType> eventTypes, Set<UUID> gatewayIds, Set<UUID> tenantIds, NotificationSeverity minSeverity,
		boolean digest, LocalTime digestTime, ZoneId digestZone, Instant lastDigestAt) {

	/** Whether the event goes to this subscription. */
	boolean matches(OutboxEvent event) {
		if (!this.eventTypes.contains(event.type()) || !event.severity().atLeast(this.minSeverity)) {
			return false;
		}
		if (this.tenantId != null && !(event.type().aboutTenant() && this.tenantId.equals(event.tenantId()))) {
			return false;
		}
		if (!this.gatewayIds.isEmpty() && !this.gatewayIds.contains(event.gatewayId())) {
			return false;
		}
		if (this.tenantId == null && this.tenantIds.isEmpty() && event.type().gatewayWide()
				&& event.tenantId() != null) {
			// Gets the gateway's event, not one more per tenant.
			return false;
		}
		return this.tenantIds.isEmpty() || this.tenantIds.contains(event.tenantId());
	}

	/** The digest time most recently passed at {@code now}. */
	Instant lastDigestDue(Instant now) {
		ZonedDateTime local = now.atZone(this.digestZone);
		LocalDate day = local.toLocalDate();
		ZonedDateTime due = day.atTime(this.digestTime).atZone(this.digestZone);
		return (due.isAfter(local) ? due.minusDays(1) : due).toInstant();
	}

	/** Whether a digest is due at {@code now}: its time passed since the last one. */
	boolean digestDue(Instant now) {
		return this.digest && (this.lastDigestAt == null || this.lastDigestAt.isBefore(lastDigestDue(now)));
	}

}
