package ch.mspguard.report;

import java.time.Duration;

/**
 * All export slots are taken; answered with 503 and {@code Retry-After}.
 */
class ExportsBusyException extends RuntimeException {

	private final Duration retryAfter;

	ExportsBusyException(Duration retryAfter) {
		super("All export slots are busy");
		this.retryAfter = retryAfter;
	}

	Duration retryAfter() {
		return this.retryAfter;
	}

}
