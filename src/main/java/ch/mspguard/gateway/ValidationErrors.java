package ch.mspguard.gateway;

import java.util.ArrayList;
import java.util.LinkedHashMap;
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

	/** At most this many errors are listed unless configured otherwise. */
	public static final int DEFAULT_LIMIT = 100;

	/** {@code {"errors": [{"path": …, "message": …}]}} with at most 100 errors. */
	public static Map<String, Object> body(MessageSource messages, List<ValidationError> errors, Locale locale) {
		return body(messages, errors, locale, DEFAULT_LIMIT);
	}

	/**
	 * {@code {"errors": [{"path": …, "message": …}]}} with at most {@code limit} errors;
	 * when there were more, {@code "moreErrors": n} and a last entry saying so, so that a
	 * document with a million mistakes does not get an answer of a hundred megabytes
	 * (issue 18).
	 */
	public static Map<String, Object> body(MessageSource messages, List<ValidationError> errors, Locale locale,
			int limit) {
		int shown = Math.min(errors.size(), Math.max(1, limit));
		List<Map<String, Object>> listed = new ArrayList<>(shown + 1);
		for (ValidationError error : errors.subList(0, shown)) {
			listed.add(Map.of("path", error.path(), "message", message(messages, error, locale)));
		}
		int more = errors.size() - shown;
		if (more == 0) {
			return Map.of("errors", listed);
		}
		listed.add(Map.of("path", "", "message",
				messages.getMessage("validation.moreErrors", new Object[] { more }, "… +" + more, locale)));
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("errors", listed);
		body.put("moreErrors", more);
		return body;
	}

}
