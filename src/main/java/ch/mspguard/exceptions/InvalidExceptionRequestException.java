package ch.mspguard.exceptions;

import java.util.List;

import ch.mspguard.gateway.ValidationError;

/**
 * A request or decision with wrong values, each error naming its field; nothing changed.
 */
public class InvalidExceptionRequestException extends RuntimeException {

	private final List<ValidationError> errors;

	InvalidExceptionRequestException(List<ValidationError> errors) {
		super("Invalid exception request: " + errors);
		this.errors = List.copyOf(errors);
	}

	public List<ValidationError> errors() {
		return this.errors;
	}

}
