package ch.mspguard.notification;

/**
 * A message did not go through. The message says what failed in words of our own (a
 * status code, a time-out, a refused address), never the body of the remote answer, so
 * that it can be shown in the delivery log.
 */
class SendFailedException extends RuntimeException {

	SendFailedException(String message) {
		super(message);
	}

}
