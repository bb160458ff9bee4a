package ch.mspguard.exceptions;

import java.util.List;
import java.util.UUID;

import ch.mspguard.gateway.ValidationError;

import org.springframework.http.HttpStatus;

/**
 * A decision the rules do not allow: approving one's own request (403), deciding on an
 * exception that is no longer requested or revoking one that is not active (409), an
 * exception the actor may not see or that does not exist (404). Nothing changed.
 */
public class ExceptionRefusedException extends RuntimeException {

	private final HttpStatus status;

	private final ValidationError error;

	ExceptionRefusedException(HttpStatus status, String code, Object... args) {
		super("Exception refused: " + code);
		this.status = status;
		this.error = ValidationError.of("", code, args);
	}

	static ExceptionRefusedException notFound(UUID id) {
		return new ExceptionRefusedException(HttpStatus.NOT_FOUND, "exception.notFound", id.toString());
	}

	public HttpStatus status() {
		return this.status;
	}

	public List<ValidationError> errors() {
		return List.of(this.error);
	}

}
