package ch.mspguard.notification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One message to one subscription, as the delivery log shows it. Its id is the
 * idempotency key a webhook receives with every try.
 *
 * @param id the id
 * @param subscriptionId the subscription
 * @param channelId the channel, null for a tenant admin's e-mail
 * @param eventIds the events it tells of (several for a digest)
 * @param dedupeKey the cooldown key of its event
 * @param state its event's final state
 * @param digest whether it is a digest
 * @param test whether it is a test message
 * @param status where it stands
 * @param target where it goes, as shown (an address or a channel's name, never a URL)
 * @param tries how often it was tried
 * @param createdAt when it was planned
 * @param nextAttemptAt when it is tried next
 * @param lastAttemptAt when it was tried last
 * @param sentAt when it went through
 * @param answer the last answer (a status code, or what failed; never the remote body)
 */
public record Delivery(UUID id, UUID subscriptionId, UUID channelId, List<UUID> eventIds, String dedupeKey,
		String state, boolean digest, boolean test, Status status, String target, int tries, Instant createdAt,
		Instant nextAttemptAt, Instant lastAttemptAt, Instant sentAt, String answer) {

	public enum Status {

		PENDING, SENT, FAILED, SUPPRESSED, QUEUED, DIGESTED

	}

}
