package ch.mspguard.seppmail;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * UTF-8 text that was decoded as Latin-1 on the way, as Windows PowerShell 5.1's
 * {@code Invoke-RestMethod} does with an answer that names no charset: "Zürich" arrives
 * as "ZÃ¼rich". Such text is repaired when the repair is unambiguous: every character
 * fits in one Latin-1 byte and those bytes are valid UTF-8.
 */
final class MisdecodedText {

	/** A UTF-8 lead byte (0xC2–0xF4) read as Latin-1, followed by a continuation byte. */
	private static final Pattern SUSPICIOUS = Pattern.compile("[\u00C2-\u00F4][\u0080-\u00BF]");

	private MisdecodedText() {
	}

	/** Whether the text shows the traces of UTF-8 read as Latin-1. */
	static boolean isSuspicious(String text) {
		return SUSPICIOUS.matcher(text).find();
	}

	/** The repaired text, or null when the text cannot be repaired unambiguously. */
	static String repair(String text) {
		if (text.chars().anyMatch((c) -> c > 0xFF)) {
			return null;
		}
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1)))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return null;
		}
	}

}
