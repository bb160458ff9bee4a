package ch.mspguard.user;

import java.util.List;

import ch.mspguard.gateway.ValidationError;

/**
 * A user that cannot be created, with every problem by field.
 */
public class InvalidUserException extends RuntimeException {

	private final List<ValidationError> errors;

	InvalidUserException(List<ValidationError> errors) {
		super("Invalid user: " + errors);
		this.errors = List.copyOf(errors);
	}

	public List<ValidationError> errors() {
		return this.errors;
	}

}
