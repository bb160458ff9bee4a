package ch.mspguard.gateway;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;

/**
 * Renders snapshot errors in the reader's language, in the API's error shape.
 */
public final class ValidationErrors {

	private ValidationErrors() {
	}

	public static String message(MessageSource messages, ValidationError error, Locale locale) {
		return messages.getMessage(error.messageKey(), error.args().toArray(), error.code(), locale);
	}

	/** {@code {"errors": [{"path": …, "message": …}]}} */
	public static Map<String, Object> body(MessageSource messages, List<ValidationError> errors, Locale locale) {
		return Map.of("errors",
				errors.stream()
					.map((error) -> Map.of("path", error.path(), "message", message(messages, error, locale)))
					.toList());
	}

}
