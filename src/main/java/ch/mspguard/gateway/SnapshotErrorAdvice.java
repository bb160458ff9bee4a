package ch.mspguard.gateway;

import java.util.Locale;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every API that reads a snapshot document answers an invalid one the same way: 400 (413
 * for an oversized document) with every error and its JSON pointer, in the reader's
 * language.
 */
@RestControllerAdvice
class SnapshotErrorAdvice {

	private final MessageSource messages;

	private final int errorLimit;

	SnapshotErrorAdvice(MessageSource messages,
			@Value("${hardening.limits.validation-errors:" + ValidationErrors.DEFAULT_LIMIT + "}") int errorLimit) {
		this.messages = messages;
		this.errorLimit = errorLimit;
	}

	@ExceptionHandler(SnapshotInvalidException.class)
	ResponseEntity<Map<String, Object>> invalid(SnapshotInvalidException ex, Locale locale) {
		return ResponseEntity.status(ex.isTooLarge() ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST)
			.contentType(MediaType.APPLICATION_JSON)
			.body(ValidationErrors.body(this.messages, ex.errors(), locale, this.errorLimit));
	}

}
