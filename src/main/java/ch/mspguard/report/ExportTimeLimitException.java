package ch.mspguard.report;

/**
 * An export ran longer than {@code hardening.exports.time-limit} and was cut off.
 */
class ExportTimeLimitException extends RuntimeException {

	ExportTimeLimitException() {
		super("The export exceeded its time limit");
	}

}
