package ch.mspguard.gateway;

import java.util.List;

/**
 * A value the snapshot format or a form does not accept. Carries a message code and its
 * arguments so that the caller can render the message in the user's language and attach
 * it to the field it came from.
 */
public class InvalidValueException extends IllegalArgumentException {

	private final String code;

	private final List<Object> arguments;

	public InvalidValueException(String code, Object... arguments) {
		super(code);
		this.code = code;
		this.arguments = List.of(arguments);
	}

	public String code() {
		return this.code;
	}

	public Object[] arguments() {
		return this.arguments.toArray();
	}

}
