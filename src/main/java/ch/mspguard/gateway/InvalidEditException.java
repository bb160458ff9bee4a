package ch.mspguard.gateway;

import java.util.List;

/**
 * An edit that breaks a rule of the configuration model (such as a duplicate name);
 * nothing was written.
 */
public class InvalidEditException extends RuntimeException {

	private final List<ValidationError> errors;

	public InvalidEditException(List<ValidationError> errors) {
		super("Invalid edit: " + errors);
		this.errors = List.copyOf(errors);
	}

	public List<ValidationError> errors() {
		return this.errors;
	}

}
