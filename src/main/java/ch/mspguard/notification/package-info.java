/**
 * Notifications: events written to an outbox in the transaction that causes them, the
 * channels (e-mail, webhooks) they are sent through, subscriptions that route them, and a
 * worker that delivers them with retries and keeps a delivery log.
 */
@ApplicationModule(displayName = "Notifications")
package ch.mspguard.notification;

import org.springframework.modulith.ApplicationModule;
