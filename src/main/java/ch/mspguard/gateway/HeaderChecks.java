package ch.mspguard.gateway;

import java.util.regex.Pattern;

import ch.mspguard.secrets.SecretKeys;

import org.springframework.stereotype.Component;

/**
 * Turns SEPPmail's {@code requestedHeader} text ({@code Name:value}) into a
 * {@link HeaderCheck}, keeping only a keyed hash of the value.
 */
@Component
public class HeaderChecks {

	public static final int MAX_NAME = 100;

	public static final int MAX_VALUE = 1000;

	private static final Pattern NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1," + MAX_NAME + "}");

	private final SecretKeys keys;

	HeaderChecks(SecretKeys keys) {
		this.keys = keys;
	}

	/**
	 * Parses {@code Name:value}; a value of {@code <redacted>} keeps the stored value.
	 * @throws InvalidValueException naming what is wrong
	 */
	public HeaderCheck parse(String text) {
		int colon = text.indexOf(':');
		if (colon < 0) {
			throw new InvalidValueException("headerCheck.format");
		}
		return of(text.substring(0, colon), text.substring(colon + 1).stripLeading());
	}

	/**
	 * A header check from name and value as a form enters them.
	 * @throws InvalidValueException naming what is wrong
	 */
	public HeaderCheck of(String name, String value) {
		if (!NAME.matcher(name).matches()) {
			throw new InvalidValueException("headerCheck.name", name);
		}
		if (value.isEmpty()) {
			throw new InvalidValueException("headerCheck.valueEmpty");
		}
		if (HeaderCheck.REDACTED.equals(value)) {
			return HeaderCheck.keepStoredValue(name);
		}
		if (value.length() > MAX_VALUE) {
			throw new InvalidValueException("text.tooLong", MAX_VALUE);
		}
		if (value.codePoints().anyMatch((c) -> Character.getType(c) == Character.CONTROL)) {
			throw new InvalidValueException("text.control");
		}
		return new HeaderCheck(name, value.length(), this.keys.keyedHash("header-check", value));
	}

}
