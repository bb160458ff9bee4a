package ch.mspguard.checklist;

import java.util.List;

import ch.mspguard.gateway.ValidationError;

/**
 * An endpoints document that does not yield Exchange Online's TCP 25 sources.
 */
public class InvalidEndpointsException extends RuntimeException {

	private final List<ValidationError> errors;

	InvalidEndpointsException(List<ValidationError> errors) {
		super("Invalid endpoints document: " + errors);
		this.errors = List.copyOf(errors);
	}

	public List<ValidationError> errors() {
		return this.errors;
	}

}
