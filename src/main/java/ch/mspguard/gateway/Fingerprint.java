package ch.mspguard.gateway;

import java.io.Serializable;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A certificate or public-key digest as SEPPmail's TLS level "fingerprint" uses it:
 * colon-separated hex byte pairs, normalised to upper case.
 *
 * @param text the normalised text, e.g. {@code 3A:7F:00:…}
 */
public record Fingerprint(String text) implements Serializable {

	/** MD5 is the shortest digest Postfix supports, SHA-512 the longest. */
	public static final int MIN_BYTES = 16;

	public static final int MAX_BYTES = 64;

	/** SHA-256 and stronger digests. */
	public static final int STRONG_BYTES = 32;

	private static final Pattern FORMAT = Pattern.compile("[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2})*");

	/**
	 * Parses and normalises a fingerprint.
	 * @throws InvalidValueException naming what is wrong with the text
	 */
	public static Fingerprint parse(String raw) {
		if (raw == null || !FORMAT.matcher(raw).matches()) {
			throw new InvalidValueException("fingerprint.format", raw);
		}
		int bytes = (raw.length() + 1) / 3;
		if (bytes < MIN_BYTES || bytes > MAX_BYTES) {
			throw new InvalidValueException("fingerprint.length", raw, bytes, MIN_BYTES, MAX_BYTES);
		}
		return new Fingerprint(raw.toUpperCase(Locale.ROOT));
	}

	public static Fingerprint of(byte[] digest) {
		return new Fingerprint(HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest));
	}

	public int byteLength() {
		return (this.text.length() + 1) / 3;
	}

	public byte[] bytes() {
		return HexFormat.ofDelimiter(":").parseHex(this.text);
	}

	@Override
	public String toString() {
		return this.text;
	}

}
