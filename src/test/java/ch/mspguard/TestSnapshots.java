package ch.mspguard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.core.io.ClassPathResource;

/**
 * Snapshot documents for tests, read from {@code src/test/resources/snapshots} and given
 * a gateway name of their own so that tests sharing the database do not meet.
 */
public final class TestSnapshots {

	public static final JsonMapper JSON = JsonMapper.builder().build();

	private TestSnapshots() {
	}

	/** The fixture with a unique gateway name. */
	public static ObjectNode load(String name) {
		ObjectNode document = (ObjectNode) read(name);
		((ObjectNode) document.get("gateway")).put("name", "gw-" + UUID.randomUUID().toString().substring(0, 8));
		return document;
	}

	public static JsonNode read(String name) {
		try (InputStream in = new ClassPathResource("snapshots/" + name).getInputStream()) {
			return JSON.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static byte[] bytes(JsonNode document) {
		return JSON.writeValueAsBytes(document);
	}

	public static String gatewayName(JsonNode document) {
		return document.get("gateway").get("name").asString();
	}

}
