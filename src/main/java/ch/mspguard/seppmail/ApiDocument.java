package ch.mspguard.seppmail;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

import ch.mspguard.gateway.SnapshotInvalidException;
import ch.mspguard.gateway.SnapshotReader;
import ch.mspguard.gateway.ValidationError;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One response of the appliance's REST API as saved by curl, PowerShell or received live:
 * text in UTF-8 (with or without byte order mark), UTF-16 with byte order mark (Windows
 * PowerShell's {@code Out-File}) or ISO-8859-1 (older tools), parsed as strict JSON.
 */
final class ApiDocument {

	static final String CUSTOMERS = "/customer";

	static final String DOMAINS = "/mailsystem/manageddomain";

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private ApiDocument() {
	}

	/**
	 * @param at the API path the document answers, the prefix of every error's pointer
	 * @throws SnapshotInvalidException when it is too large or not JSON
	 */
	static JsonNode parse(byte[] bytes, String at) {
		if (bytes.length > SnapshotReader.MAX_BYTES) {
			throw new SnapshotInvalidException(
					List.of(ValidationError.of(at, "document.tooLarge", SnapshotReader.MAX_BYTES / (1024 * 1024))));
		}
		try {
			JsonNode root = MAPPER.readTree(decode(bytes));
			if (root == null || root.isMissingNode()) {
				throw new SnapshotInvalidException(List.of(ValidationError.of(at, "seppmail.empty")));
			}
			return root;
		}
		catch (JacksonException ex) {
			throw new SnapshotInvalidException(List.of(SnapshotReader.syntaxError(at, ex)));
		}
	}

	static String decode(byte[] bytes) {
		if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
			return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
		}
		if (startsWith(bytes, 0xFF, 0xFE)) {
			return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
		}
		if (startsWith(bytes, 0xFE, 0xFF)) {
			return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
		}
		try {
			return strict(StandardCharsets.UTF_8).decode(ByteBuffer.wrap(bytes)).toString();
		}
		catch (CharacterCodingException ex) {
			// Not UTF-8: every byte sequence is valid ISO-8859-1.
			return new String(bytes, StandardCharsets.ISO_8859_1);
		}
	}

	private static java.nio.charset.CharsetDecoder strict(Charset charset) {
		return charset.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
	}

	private static boolean startsWith(byte[] bytes, int... prefix) {
		if (bytes.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if ((bytes[i] & 0xFF) != prefix[i]) {
				return false;
			}
		}
		return true;
	}

}
