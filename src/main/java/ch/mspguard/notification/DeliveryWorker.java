package ch.mspguard.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import ch.mspguard.cluster.ClusterLock;
import ch.mspguard.scheduling.JobRun;
import ch.mspguard.scheduling.ScheduledJob;
import ch.mspguard.tenant.SystemActor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends from the outbox (a {@link ScheduledJob}, every 10 seconds by default): routes new
 * events, plans due digests, and tries every due message, with exponential backoff
 * between tries and a last try after which the message counts as failed. Runs on one
 * instance at a time ({@link ClusterLock}); a message is marked sent right after it went
 * through, so a worker that stops between an event and its message sends it on its next
 * run, once.
 */
@Component
@EnableConfigurationProperties(NotificationProperties.class)
class DeliveryWorker implements ScheduledJob {

	static final String TASK = "notification-delivery";

	private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

	private static final int SEND_BATCH = 100;

	private final DeliveryPlanner planner;

	private final DeliveryStore deliveries;

	private final SubscriptionStore subscriptions;

	private final ChannelStore channels;

	private final Outbox outbox;

	private final MessageRenderer renderer;

	private final MailDelivery mail;

	private final WebhookDelivery webhooks;

	private final NotificationProperties properties;

	private final Clock clock;

	private final ClusterLock lock;

	private final TransactionTemplate transactions;

	DeliveryWorker(DeliveryPlanner planner, DeliveryStore deliveries, SubscriptionStore subscriptions,
			ChannelStore channels, Outbox outbox, MessageRenderer renderer, MailDelivery mail, WebhookDelivery webhooks,
			NotificationProperties properties, Clock clock, ClusterLock lock, TransactionTemplate transactions) {
		this.planner = planner;
		this.deliveries = deliveries;
		this.subscriptions = subscriptions;
		this.channels = channels;
		this.outbox = outbox;
		this.renderer = renderer;
		this.mail = mail;
		this.webhooks = webhooks;
		this.properties = properties;
		this.clock = clock;
		this.lock = lock;
		this.transactions = transactions;
	}

	@Override
	public String id() {
		return TASK;
	}

	@Override
	public String defaultCron() {
		return "*/10 * * * * *";
	}

	@Override
	public String run(JobRun run) {
		if (!run.manual() && !this.properties.workerEnabled()) {
			return "switched off on this instance";
		}
		return runOnce() ? "ran" : "ran on another instance";
	}

	/**
	 * One run: route, plan digests, send what is due.
	 * @return whether it ran here (another instance may hold the lock)
	 */
	boolean runOnce() {
		return this.lock.runExclusively(TASK, () -> SystemActor.run(TASK, this::work));
	}

	/**
	 * Tries one message right away (a test message someone waits for). When the worker
	 * runs elsewhere at this moment, the message is left to it.
	 */
	void sendNow(UUID deliveryId) {
		this.lock.runExclusively(TASK, () -> SystemActor.run(TASK, () -> {
			Optional<Delivery> delivery = inTransaction(() -> this.deliveries.find(deliveryId))
				.filter((found) -> found.status() == Delivery.Status.PENDING);
			delivery.ifPresent((found) -> send(found,
					(found.subscriptionId() != null)
							? inTransaction(() -> this.subscriptions.find(found.subscriptionId())).orElse(null) : null,
					(found.channelId() != null) ? this.channels.find(found.channelId()).orElse(null) : null));
		}));
	}

	/** How a delivery stands, for the one who asked for it (a tenant admin's test). */
	Optional<Delivery> status(UUID deliveryId) {
		return SystemActor.call(TASK, () -> inTransaction(() -> this.deliveries.find(deliveryId)));
	}

	private void work() {
		while (this.planner.routeBatch(this.clock.instant()) == DeliveryPlanner.BATCH) {
			// more events than one batch: route the next
		}
		this.planner.planDigests(this.clock.instant());
		List<Delivery> due = inTransaction(() -> this.deliveries.due(this.clock.instant(), SEND_BATCH));
		if (due.isEmpty()) {
			return;
		}
		Map<UUID, Subscription> subscriptionsById = inTransaction(this.subscriptions::all).stream()
			.collect(Collectors.toMap(Subscription::id, Function.identity()));
		Map<UUID, Channel> channelsById = this.channels.all()
			.stream()
			.collect(Collectors.toMap(Channel::id, Function.identity()));
		for (Delivery delivery : due) {
			try {
				send(delivery, subscriptionsById.get(delivery.subscriptionId()),
						channelsById.get(delivery.channelId()));
			}
			catch (RuntimeException ex) {
				log.warn("Notification {} could not be handled: {}", delivery.id(), ex.getClass().getName());
			}
		}
	}

	private void send(Delivery delivery, Subscription subscription, Channel channel) {
		Instant now = this.clock.instant();
		Optional<String> unchanged = unchangedSinceLastMessage(delivery);
		if (unchanged.isPresent()) {
			inTransaction(() -> {
				this.deliveries.recordSuppressed(delivery.id(), now, unchanged.get());
				return null;
			});
			return;
		}
		try {
			long start = System.nanoTime();
			String answer = deliver(delivery, subscription, channel, now);
			if (delivery.digest()) {
				// a digest can list thousands of changes: how long it took shows in the
				// log
				log.info("Digest {} of {} events read, rendered and handed over in {} ms", delivery.id(),
						delivery.eventIds().size(), (System.nanoTime() - start) / 1_000_000);
			}
			inTransaction(() -> {
				this.deliveries.recordSent(delivery.id(), now, answer);
				return null;
			});
			recordChannel(channel, true, null, now);
		}
		catch (SendFailedException ex) {
			int tries = delivery.tries() + 1;
			boolean givenUp = tries >= this.properties.maxTries();
			inTransaction(() -> {
				this.deliveries.recordFailure(delivery.id(), now, now.plus(this.properties.backoff(tries)), givenUp,
						ex.getMessage());
				return null;
			});
			recordChannel(channel, false, ex.getMessage(), now);
		}
	}

	/**
	 * A message held back by the cooldown whose key ended where the last message said:
	 * the flapping in between is not worth a message.
	 */
	private Optional<String> unchangedSinceLastMessage(Delivery delivery) {
		if (delivery.digest() || delivery.test() || delivery.dedupeKey() == null || delivery.tries() > 0) {
			return Optional.empty();
		}
		return inTransaction(() -> this.deliveries.lastSent(delivery.subscriptionId(), delivery.dedupeKey()))
			.filter((last) -> last.state() != null && last.state().equals(delivery.state()))
			.filter((last) -> !last.at().plus(this.properties.cooldown()).isBefore(delivery.nextAttemptAt()))
			.map((last) -> "Unchanged since the message of " + last.at() + " (cooldown)");
	}

	private String deliver(Delivery delivery, Subscription subscription, Channel channel, Instant now) {
		if (subscription == null && channel == null) {
			throw new SendFailedException("Subscription or channel was removed");
		}
		List<OutboxEvent> events = inTransaction(() -> this.outbox.find(delivery.eventIds()));
		if (subscription != null && subscription.email() != null) {
			RenderedMessage message = this.renderer.render(events, delivery.digest(), subscription.language());
			return this.mail.send(subscription.email(), message, subscription.language());
		}
		if (channel == null) {
			throw new SendFailedException("Channel was removed");
		}
		RenderedMessage message = this.renderer.render(events, delivery.digest(), channel.language());
		if (channel.kind() == ChannelKind.EMAIL) {
			return this.mail.send(channel.email(), message, channel.language());
		}
		ChannelStore.Target target = this.channels.target(channel.id());
		String type = delivery.digest() ? "digest" : events.get(0).type().wireName();
		String body = WebhookPayloads.forKind(channel.kind(), delivery.id(), delivery.digest(), events, message, now);
		return this.webhooks.post(target, delivery.id(), type, body);
	}

	private void recordChannel(Channel channel, boolean success, String failure, Instant now) {
		if (channel != null) {
			this.channels.recordOutcome(channel.id(), success, failure, now);
		}
	}

	private <T> T inTransaction(java.util.function.Supplier<T> work) {
		return this.transactions.execute((status) -> work.get());
	}

}
