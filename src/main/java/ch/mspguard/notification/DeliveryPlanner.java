package ch.mspguard.notification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import ch.mspguard.audit.AuditAction;
import ch.mspguard.audit.AuditLog;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Routes outbox events to the subscriptions that want them and plans their messages,
 * keeping quiet: within the cooldown a tenant, rule and transition is held back, and a
 * newer event of the same key replaces a message that was not tried yet, so a light that
 * flaps sends one message with its final state. Digest subscriptions collect events until
 * their time.
 */
@Component
class DeliveryPlanner {

	static final int BATCH = 1000;

	private final Outbox outbox;

	private final SubscriptionStore subscriptions;

	private final DeliveryStore deliveries;

	private final ChannelStore channels;

	private final NotificationProperties properties;

	private final AuditLog audit;

	DeliveryPlanner(Outbox outbox, SubscriptionStore subscriptions, DeliveryStore deliveries, ChannelStore channels,
			NotificationProperties properties, AuditLog audit) {
		this.outbox = outbox;
		this.subscriptions = subscriptions;
		this.deliveries = deliveries;
		this.channels = channels;
		this.properties = properties;
		this.audit = audit;
	}

	/**
	 * Routes one batch of unrouted events.
	 * @return how many events were routed
	 */
	@Transactional
	int routeBatch(Instant now) {
		List<OutboxEvent> events = this.outbox.unrouted(BATCH);
		if (events.isEmpty()) {
			return 0;
		}
		List<Subscription> all = this.subscriptions.all();
		Map<UUID, String> targets = targets(all);
		for (OutboxEvent event : events) {
			for (Subscription subscription : all) {
				if (subscription.matches(event)) {
					plan(event, subscription, targets.get(subscription.id()), now);
				}
			}
		}
		this.outbox.markRouted(events.stream().map(OutboxEvent::id).toList(), now);
		return events.size();
	}

	private void plan(OutboxEvent event, Subscription subscription, String target, Instant now) {
		if (subscription.digest()) {
			this.deliveries.insert(UUID.randomUUID(), subscription.id(), subscription.channelId(), event.tenantId(),
					List.of(event.id()), event.dedupeKey(), event.state(), false, false, Delivery.Status.QUEUED, target,
					now, now);
			return;
		}
		Optional<UUID> untried = this.deliveries.untried(subscription.id(), event.dedupeKey());
		if (untried.isPresent()) {
			this.deliveries.replaceEvent(untried.get(), event.id(), event.state());
			return;
		}
		Instant sendAt = this.deliveries.lastSent(subscription.id(), event.dedupeKey())
			.map((last) -> last.at().plus(this.properties.cooldown()))
			.filter((end) -> end.isAfter(now))
			.orElse(now);
		this.deliveries.insert(UUID.randomUUID(), subscription.id(), subscription.channelId(), event.tenantId(),
				List.of(event.id()), event.dedupeKey(), event.state(), false, false, Delivery.Status.PENDING, target,
				now, sendAt);
	}

	/**
	 * Turns the collected events of every digest subscription whose time has come into
	 * one message each: grouped by tenant when rendered, each change once (the latest
	 * event of each key).
	 * @return how many digests were planned
	 */
	@Transactional
	int planDigests(Instant now) {
		int planned = 0;
		List<Subscription> all = this.subscriptions.all();
		Map<UUID, String> targets = targets(all);
		for (Subscription subscription : all) {
			if (!subscription.digestDue(now)) {
				continue;
			}
			List<Delivery> queued = this.deliveries.queued(subscription.id());
			if (!queued.isEmpty()) {
				Map<String, UUID> latestPerKey = new LinkedHashMap<>();
				queued.forEach((delivery) -> latestPerKey.put(delivery.dedupeKey(), delivery.eventIds().get(0)));
				UUID id = UUID.randomUUID();
				this.deliveries.insert(id, subscription.id(), subscription.channelId(), subscription.tenantId(),
						new ArrayList<>(latestPerKey.values()), null, null, true, false, Delivery.Status.PENDING,
						targets.get(subscription.id()), now, now);
				this.deliveries.markDigested(queued.stream().map(Delivery::id).toList(), id);
				planned++;
			}
			this.subscriptions.markDigest(subscription.id(), now);
		}
		return planned;
	}

	/** A test message to a channel, sent by the next worker run. */
	@Transactional
	UUID planTest(Channel channel, OutboxEvent test, Instant now) {
		this.outbox.writeRouted(test, now);
		UUID id = UUID.randomUUID();
		this.deliveries.insert(id, null, channel.id(), null, List.of(test.id()), null, null, false, true,
				Delivery.Status.PENDING, channel.name(), now, now);
		this.audit.record(AuditAction.NOTIFICATION_TEST_SENT, channel.name(),
				Map.of("channel", channel.id().toString(), "delivery", id.toString()));
		return id;
	}

	/**
	 * A test message to a tenant admin's own subscription (its address only), logged like
	 * a channel's test. Written by the system: tenant admins neither write nor read the
	 * delivery log, so the caller must have found the subscription as its owner first.
	 */
	@Transactional
	UUID planTest(Subscription subscription, OutboxEvent test, Instant now) {
		this.outbox.writeRouted(test, now);
		UUID id = UUID.randomUUID();
		this.deliveries.insert(id, subscription.id(), null, subscription.tenantId(), List.of(test.id()), null, null,
				false, true, Delivery.Status.PENDING, targets(List.of(subscription)).get(subscription.id()), now, now);
		return id;
	}

	private Map<UUID, String> targets(List<Subscription> subscriptions) {
		Map<UUID, String> names = new LinkedHashMap<>();
		this.channels.all().forEach((channel) -> names.put(channel.id(), channel.name()));
		Map<UUID, String> targets = new LinkedHashMap<>();
		for (Subscription subscription : subscriptions) {
			String target = (subscription.email() != null) ? subscription.email()
					: names.getOrDefault(subscription.channelId(), "?");
			targets.put(subscription.id(), target.length() > 200 ? target.substring(0, 200) : target);
		}
		return targets;
	}

}
