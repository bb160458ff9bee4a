package ch.mspguard.gateway;

import java.util.List;

/**
 * One problem in a snapshot document, an API request or a form.
 *
 * @param path JSON pointer of the offending value ({@code ""} for the whole document)
 * @param code message code, rendered as {@code validation.<code>} in the reader's
 * language
 * @param args message arguments
 */
public record ValidationError(String path, String code, List<Object> args) implements java.io.Serializable {

	public ValidationError {
		args = List.copyOf(args);
	}

	public static ValidationError of(String path, String code, Object... args) {
		return new ValidationError(path, code, List.of(args));
	}

	/** A key as one segment of a JSON pointer ({@code ~} and {@code /} escaped). */
	public static String segment(String key) {
		return key.replace("~", "~0").replace("/", "~1");
	}

	public String messageKey() {
		return "validation." + this.code;
	}

}
