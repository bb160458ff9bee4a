package ch.mspguard.notification;

/**
 * A line of the delivery log: the delivery and what its (first) event was about.
 *
 * @param delivery the delivery
 * @param eventType the type of its first event
 * @param subject the tenant or gateway the event is about
 */
public record DeliveryLogEntry(Delivery delivery, EventType eventType, String subject) {

}
