package ch.mspguard.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import and SEPPmail texts exist in English and German alike, and none uses the
 * ASCII apostrophe, which MessageFormat would swallow.
 */
class ImportTextsTests {

	@ParameterizedTest
	@ValueSource(strings = { "imports", "seppmail" })
	void everyTextHasBothLanguagesAndTypographicApostrophes(String bundle) throws IOException {
		Properties english = load(bundle + ".properties");
		Properties german = load(bundle + "_de.properties");
		assertThat(german.keySet()).containsExactlyInAnyOrderElementsOf(english.keySet());
		for (Properties texts : new Properties[] { english, german }) {
			assertThat(texts.values()).allSatisfy((text) -> assertThat((String) text).doesNotContain("'").isNotBlank());
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
