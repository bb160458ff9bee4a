package ch.mspguard.notification;

/**
 * How urgent an event is; a subscription receives events of its minimum severity and
 * above.
 */
public enum NotificationSeverity {

	INFO, WARNING, CRITICAL;

	boolean atLeast(NotificationSeverity minimum) {
		return compareTo(minimum) >= 0;
	}

}
