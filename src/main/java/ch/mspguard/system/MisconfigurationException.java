package ch.mspguard.system;

/**
 * A setting that keeps the application from starting, told in one line that names the
 * setting and what is wrong with it, and what to do about it;
 * {@link MisconfigurationFailureAnalyzer} prints it instead of a stack trace.
 */
class MisconfigurationException extends RuntimeException {

	private final String action;

	MisconfigurationException(String description, String action) {
		this(description, action, null);
	}

	MisconfigurationException(String description, String action, Throwable cause) {
		super(description, cause);
		this.action = action;
	}

	String description() {
		return getMessage();
	}

	String action() {
		return this.action;
	}

}
