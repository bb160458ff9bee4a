package ch.mspguard.report;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * The reports' texts: the same keys in English and German, every key a print template
 * names exists, and every text survives MessageFormat.
 */
class ReportTextsTests {

	private static final Pattern KEY = Pattern.compile("#\\{([a-zA-Z0-9_.\\-]+)[(}]");

	@Test
	void germanAndEnglishHaveTheSameKeys() throws IOException {
		assertThat(load("reports_de.properties").stringPropertyNames())
			.containsExactlyInAnyOrderElementsOf(load("reports.properties").stringPropertyNames());
	}

	@Test
	void everyKeyAPrintTemplateNamesExists() throws IOException {
		Properties known = load("reports.properties");
		known.putAll(load("messages.properties"));
		known.putAll(load("exceptions.properties"));
		Set<String> missing = new TreeSet<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates/report"))) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".html")).toList()) {
				Matcher matcher = KEY.matcher(Files.readString(file));
				while (matcher.find()) {
					if (!known.containsKey(matcher.group(1))) {
						missing.add(file.getFileName() + ": " + matcher.group(1));
					}
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	@Test
	void everyTextIsAMessageFormatWithTypographicApostrophesAndSwissSpelling() throws IOException {
		for (String bundle : new String[] { "reports.properties", "reports_de.properties" }) {
			Properties texts = load(bundle);
			for (String key : texts.stringPropertyNames()) {
				String text = texts.getProperty(key);
				assertThat(text).as(bundle + " " + key).doesNotContain("'").doesNotContain("ß");
				assertThatCode(() -> new MessageFormat(text, Locale.ENGLISH).format(new Object[] { 1, 2, 3, 4, 5 }))
					.as(bundle + " " + key)
					.doesNotThrowAnyException();
			}
		}
	}

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (var reader = new InputStreamReader(new ClassPathResource(name).getInputStream(), StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

}
