package ch.mspguard.dashboard;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import ch.mspguard.checklist.Light;
import ch.mspguard.checklist.Outcome;
import ch.mspguard.checklist.Scope;
import ch.mspguard.checklist.Severity;
import ch.mspguard.gateway.Hosting;
import ch.mspguard.gateway.JsonEnum;
import ch.mspguard.gateway.MailServerTls;
import ch.mspguard.gateway.TlsLevel;
import ch.mspguard.tenant.Role;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * German and English say the same things: both bundles have the same keys, and every key
 * a template names exists.
 */
class MessageBundleTests {

	private static final Pattern STATIC_KEY = Pattern.compile("#\\{([a-zA-Z0-9_.\\-]+)[(}]");

	@Test
	void germanAndEnglishHaveTheSameKeys() throws IOException {
		assertThat(load("messages_de.properties").stringPropertyNames())
			.containsExactlyInAnyOrderElementsOf(load("messages.properties").stringPropertyNames());
	}

	@Test
	void notificationsSayTheSameInGermanAndEnglish() throws IOException {
		assertThat(load("notifications_de.properties").stringPropertyNames())
			.containsExactlyInAnyOrderElementsOf(load("notifications.properties").stringPropertyNames());
		assertThat(load("scheduling_de.properties").stringPropertyNames())
			.containsExactlyInAnyOrderElementsOf(load("scheduling.properties").stringPropertyNames());
	}

	@Test
	void everyKeyATemplateNamesExists() throws IOException {
		Properties english = load("messages.properties");
		english.putAll(load("reports.properties"));
		english.putAll(load("imports.properties"));
		english.putAll(load("seppmail.properties"));
		english.putAll(load("exceptions.properties"));
		english.putAll(load("notifications.properties"));
		english.putAll(load("scheduling.properties"));
		Set<String> missing = new TreeSet<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".html")).toList()) {
				Matcher matcher = STATIC_KEY.matcher(Files.readString(file));
				while (matcher.find()) {
					if (!english.containsKey(matcher.group(1))) {
						missing.add(file.getFileName() + ": " + matcher.group(1));
					}
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	@Test
	void everyValueShownThroughAComposedKeyHasText() throws IOException {
		Properties english = load("messages.properties");
		Set<String> keys = new TreeSet<>();
		Stream.of(Light.values()).forEach((v) -> keys.add("light." + v));
		Stream.of(Outcome.values()).forEach((v) -> keys.add("outcome." + v));
		Stream.of(Severity.values()).forEach((v) -> keys.add("severity." + v));
		Stream.of(Scope.values()).forEach((v) -> keys.add("scope." + v));
		Stream.of(Role.values()).forEach((v) -> keys.add("role." + v));
		JsonEnum.jsonValues(TlsLevel.class).forEach((v) -> keys.add("tlsLevel." + v));
		JsonEnum.jsonValues(MailServerTls.class).forEach((v) -> keys.add("mailServerTls." + v));
		JsonEnum.jsonValues(Hosting.class).forEach((v) -> keys.add("hosting." + v));
		for (String field : new String[] { "tenant", "forwardingHost", "tlsLevel", "tlsFingerprints",
				"allowedSendingServers", "headerCheck", "exchangeOnlineTenantId", "relayingNetworks",
				"exchangeOnlineRelayingNetworks", "manualListEntries", "smtpInboundSources", "adminInboundSources" }) {
			keys.add("field." + field);
		}
		assertThat(keys).allSatisfy((key) -> assertThat(english).containsKey(key));
	}

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (var reader = new InputStreamReader(new ClassPathResource(name).getInputStream(), StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

}
