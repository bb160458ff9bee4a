package ch.mspguard.exceptions;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exception texts exist in English and German alike, every state and category has a
 * word in both, and none uses the ASCII apostrophe, which MessageFormat would swallow.
 */
class ExceptionTextsTests {

	@Test
	void everyTextHasBothLanguages() throws IOException {
		Properties english = load("exceptions.properties");
		Properties german = load("exceptions_de.properties");
		assertThat(german.keySet()).containsExactlyInAnyOrderElementsOf(english.keySet());
		for (Properties texts : new Properties[] { english, german }) {
			assertThat(texts.values()).allSatisfy((text) -> assertThat((String) text).doesNotContain("'").isNotBlank());
			for (ExceptionState state : ExceptionState.values()) {
				assertThat(texts).containsKey("exceptions.state." + state);
			}
			for (ExceptionCategory category : ExceptionCategory.values()) {
				assertThat(texts).containsKey("exceptions.category." + category);
			}
		}
	}

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = new ClassPathResource(name).getInputStream()) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
