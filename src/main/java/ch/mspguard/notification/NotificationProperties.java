package ch.mspguard.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Notification settings, {@code hardening.notifications.*}.
 *
 * @param workerEnabled whether this instance runs the delivery worker
 * @param cooldown how long the same tenant, rule and transition is not sent again
 * @param maxTries how often a message is tried before it counts as failed
 * @param firstRetry the wait after the first failed try; doubled after each further one
 * @param mailFrom the sender address of e-mails
 * @param httpTimeout connect and answer timeout of webhooks
 */
@ConfigurationProperties("hardening.notifications")
record NotificationProperties(@DefaultValue("true") boolean workerEnabled, @DefaultValue("PT1H") Duration cooldown,
		@DefaultValue("6") int maxTries, @DefaultValue("PT30S") Duration firstRetry,
		@DefaultValue("hardening@localhost") String mailFrom, @DefaultValue("PT10S") Duration httpTimeout) {

	/** The wait before the next try after {@code tries} failed ones. */
	Duration backoff(int tries) {
		return this.firstRetry.multipliedBy(1L << Math.min(Math.max(tries - 1, 0), 20));
	}

}
