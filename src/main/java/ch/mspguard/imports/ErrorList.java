package ch.mspguard.imports;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;

import ch.mspguard.gateway.ValidationError;
import ch.mspguard.gateway.ValidationErrors;

import org.springframework.context.MessageSource;

/**
 * Problems of an upload or a pull as the page lists them: JSON pointer and message in the
 * reader's language, the first {@link #SHOWN} of them.
 *
 * @param errors the rendered errors shown
 * @param more how many more there are
 */
public record ErrorList(List<Rendered> errors, int more) implements Serializable {

	public static final int SHOWN = 200;

	public record Rendered(String path, String message) implements Serializable {
	}

	public static ErrorList of(List<ValidationError> errors, MessageSource messages, Locale locale) {
		return new ErrorList(errors.stream()
			.limit(SHOWN)
			.map((error) -> new Rendered(error.path(), ValidationErrors.message(messages, error, locale)))
			.toList(), Math.max(0, errors.size() - SHOWN));
	}

}
