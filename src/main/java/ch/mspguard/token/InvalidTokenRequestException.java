package ch.mspguard.token;

import java.util.List;

import ch.mspguard.gateway.ValidationError;

/** A token request with wrong values, each error naming its field. */
public class InvalidTokenRequestException extends RuntimeException {

	private final List<ValidationError> errors;

	InvalidTokenRequestException(List<ValidationError> errors) {
		super("Invalid token request: " + errors);
		this.errors = List.copyOf(errors);
	}

	public List<ValidationError> errors() {
		return this.errors;
	}

}
