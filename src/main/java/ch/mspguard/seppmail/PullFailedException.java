package ch.mspguard.seppmail;

import java.util.List;

/**
 * A pull that got no usable answer from the appliance. Carries a message code
 * ({@code seppmail.pull.<code>}) and arguments for a clear message in the reader's
 * language; never the token or the secret.
 */
class PullFailedException extends RuntimeException {

	private final String code;

	private final List<Object> arguments;

	PullFailedException(String code, Object... arguments) {
		super("SEPPmail pull failed: " + code);
		this.code = code;
		this.arguments = List.of(arguments);
	}

	String messageKey() {
		return "seppmail.pull." + this.code;
	}

	String code() {
		return this.code;
	}

	Object[] arguments() {
		return this.arguments.toArray();
	}

}
