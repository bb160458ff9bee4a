package ch.mspguard.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Reads a snapshot document: size limit, strict JSON, the shipped JSON Schema, then the
 * semantic rules of the format. Either the whole document is valid and becomes a
 * {@link GatewaySnapshot}, or every problem is reported with its JSON pointer.
 */
@Component
public class SnapshotReader {

	/** Documents are at most 20 MiB. */
	public static final long MAX_BYTES = 20L * 1024 * 1024;

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private final SnapshotSchema schema = new SnapshotSchema();

	private final HeaderChecks headerChecks;

	SnapshotReader(HeaderChecks headerChecks) {
		this.headerChecks = headerChecks;
	}

	/**
	 * Reads at most {@link #MAX_BYTES} from the stream.
	 * @throws SnapshotInvalidException when the document is too large or invalid
	 */
	public GatewaySnapshot read(InputStream in) throws IOException {
		return read(readLimited(in));
	}

	/**
	 * @throws SnapshotInvalidException with every problem of the document
	 */
	public GatewaySnapshot read(byte[] json) {
		if (json.length > MAX_BYTES) {
			throw SnapshotInvalidException.tooLarge(MAX_BYTES);
		}
		JsonNode root = parse(json);
		List<ValidationError> schemaErrors = this.schema.validate(root);
		SnapshotTreeReader reader = new SnapshotTreeReader(this.headerChecks);
		GatewaySnapshot snapshot = reader.read(root);
		List<ValidationError> errors = merge(schemaErrors, reader.errors());
		if (!errors.isEmpty()) {
			throw new SnapshotInvalidException(errors);
		}
		return snapshot;
	}

	private static JsonNode parse(byte[] json) {
		try {
			JsonNode root = MAPPER.readTree(json);
			if (root == null || !root.isObject()) {
				throw new SnapshotInvalidException(List.of(ValidationError.of("", "json.notObject")));
			}
			return root;
		}
		catch (JacksonException ex) {
			throw new SnapshotInvalidException(List.of(syntaxError("", ex)));
		}
	}

	/** A document that is not JSON: where the parser stopped, and why. */
	public static ValidationError syntaxError(String at, JacksonException ex) {
		var location = ex.getLocation();
		return ValidationError.of(at, "json.syntax", (location != null) ? location.getLineNr() : 0,
				(location != null) ? location.getColumnNr() : 0, ex.getOriginalMessage());
	}

	/**
	 * The importer's errors are more specific than the schema's: where both found a
	 * problem at the same place, keep the importer's.
	 */
	private static List<ValidationError> merge(List<ValidationError> schemaErrors, List<ValidationError> ownErrors) {
		Map<String, ValidationError> byPath = new LinkedHashMap<>();
		schemaErrors.forEach((error) -> byPath.putIfAbsent(error.path(), error));
		ownErrors.forEach((error) -> byPath.put(error.path(), error));
		List<ValidationError> errors = new ArrayList<>(byPath.values());
		errors.sort(Comparator.comparing(ValidationError::path, SnapshotReader::comparePointers));
		return errors;
	}

	static int comparePointers(String a, String b) {
		String[] left = a.split("/");
		String[] right = b.split("/");
		for (int i = 0; i < Math.min(left.length, right.length); i++) {
			int result = (left[i].matches("[0-9]+") && right[i].matches("[0-9]+"))
					? Long.compare(Long.parseLong(left[i]), Long.parseLong(right[i])) : left[i].compareTo(right[i]);
			if (result != 0) {
				return result;
			}
		}
		return Integer.compare(left.length, right.length);
	}

	private static byte[] readLimited(InputStream in) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] buffer = new byte[64 * 1024];
		long total = 0;
		int read;
		while ((read = in.read(buffer)) != -1) {
			total += read;
			if (total > MAX_BYTES) {
				throw SnapshotInvalidException.tooLarge(MAX_BYTES);
			}
			out.write(buffer, 0, read);
		}
		return out.toByteArray();
	}

}
