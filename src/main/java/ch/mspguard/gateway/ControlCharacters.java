package ch.mspguard.gateway;

/**
 * The one rule for control characters in stored text (issue 18): NUL and every other C0
 * control except tab, line feed and carriage return, DEL, every C1 control, and the
 * bidirectional embedding, override and isolate characters (which reorder the text around
 * them on a page or in a PDF) are refused wherever text comes in — snapshot and SEPPmail
 * imports through {@link ConfigurationValidator}, forms, filters, search and login names
 * through the request filter of the {@code system} module. Nothing is removed silently: a
 * value with one of them is refused with the field and the character named.
 */
public final class ControlCharacters {

	private ControlCharacters() {
	}

	/** Whether the code point may not be part of stored text. */
	public static boolean isForbidden(int codePoint) {
		return (codePoint < 0x20 && codePoint != '\t' && codePoint != '\n' && codePoint != '\r')
				|| (codePoint >= 0x7F && codePoint <= 0x9F) || (codePoint >= 0x202A && codePoint <= 0x202E)
				|| (codePoint >= 0x2066 && codePoint <= 0x2069);
	}

	/** The index of the first forbidden character, or -1. */
	public static int firstForbidden(CharSequence text) {
		for (int i = 0; i < text.length(); i++) {
			if (isForbidden(text.charAt(i))) {
				return i;
			}
		}
		return -1;
	}

	/** {@code U+0000} for a message that names the character without containing it. */
	public static String describe(int codePoint) {
		return String.format("U+%04X", codePoint);
	}

}
