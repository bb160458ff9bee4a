package ch.mspguard.notification;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webhook format's schema is documented under {@code docs/} and shipped in the
 * application; both are the same document.
 */
class WebhookSchemaDocumentTests {

	@Test
	void theDocumentedSchemaIsTheShippedOne() throws IOException {
		assertThat(Files.readString(Path.of("docs/notification-webhook-1.schema.json")))
			.isEqualTo(Files.readString(Path.of("src/main/resources/schema/notification-webhook-1.schema.json")));
	}

}
