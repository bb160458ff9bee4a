package ch.mspguard.checklist;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ch.mspguard.checklist.rule.RuleScenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Keeps the texts of the checklist complete and consistent with the rules, in both
 * languages.
 */
class RuleTextsTests {

	private static final Pattern BRACES = Pattern.compile("\\{([^}]*)\\}");

	private static Properties english;

	private static Properties german;

	/** Every message a rule produced on the scenarios, by rule id. */
	private static Map<String, Set<Message>> produced;

	@BeforeAll
	static void load() throws IOException {
		english = load("rules.properties");
		german = load("rules_de.properties");
		produced = new HashMap<>();
		for (EvaluationContext context : RuleScenarios.all()) {
			for (Finding finding : Catalogue.evaluate(context)) {
				Set<Message> messages = produced.computeIfAbsent(finding.ruleId(), (id) -> new HashSet<>());
				messages.add(finding.verdict().message());
				if (finding.verdict().detail() != null) {
					messages.add(finding.verdict().detail());
				}
			}
		}
	}

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = RuleTextsTests.class.getClassLoader().getResourceAsStream(name)) {
			assertThat(in).as(name).isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

	@Test
	void everyRuleHasTitleRationaleAndRemediationInBothLanguages() {
		for (Rule rule : Catalogue.rules()) {
			for (String key : rule.textKeys()) {
				assertThat(english.getProperty(key)).as("en %s", key).isNotBlank();
				assertThat(german.getProperty(key)).as("de %s", key).isNotBlank();
			}
			assertThat(rule.textKeys()).contains(rule.titleKey(), rule.rationaleKey(), rule.remediationKey());
		}
	}

	@Test
	void everyProducedMessageIsDeclaredByItsRule() {
		for (Rule rule : Catalogue.rules()) {
			assertThat(produced.get(rule.id())).as(rule.id())
				.isNotEmpty()
				.allSatisfy((message) -> assertThat(rule.messageKeys()).as(rule.id()).contains(message.key()));
		}
	}

	@Test
	void everyDeclaredMessageIsProducedByTheScenarios() {
		for (Rule rule : Catalogue.rules()) {
			Set<String> keys = new TreeSet<>();
			produced.get(rule.id()).forEach((message) -> keys.add(message.key()));
			assertThat(keys).as(rule.id()).containsExactlyInAnyOrderElementsOf(rule.messageKeys());
		}
	}

	@Test
	void everyProducedRemediationIsDeclared() {
		for (EvaluationContext context : RuleScenarios.all()) {
			for (Finding finding : Catalogue.evaluate(context)) {
				Rule rule = Catalogue.rule(finding.ruleId()).orElseThrow();
				assertThat(rule.remediationKeys()).contains(finding.verdict().remediationKey());
			}
		}
	}

	@Test
	void noOrphanKeys() {
		Set<String> known = new HashSet<>();
		Catalogue.rules().forEach((rule) -> known.addAll(rule.textKeys()));
		assertThat(english.stringPropertyNames()).isSubsetOf(known);
		assertThat(german.stringPropertyNames()).isSubsetOf(known);
	}

	@Test
	void bothLanguagesHaveTheSameKeys() {
		assertThat(german.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
	}

	@Test
	void noAsciiApostrophes() {
		for (Properties texts : new Properties[] { english, german }) {
			texts.forEach((key, text) -> assertThat((String) text).as("%s", key).doesNotContain("'"));
		}
	}

	@Test
	void bracesAreOnlyPlaceholdersAndBothLanguagesUseTheSame() {
		for (String key : english.stringPropertyNames()) {
			assertThat(placeholders(english.getProperty(key))).as("%s", key)
				.isEqualTo(placeholders(german.getProperty(key)));
		}
	}

	@Test
	void placeholdersOnlyReferToArgumentsTheRulesPass() {
		produced.values().forEach((messages) -> messages.forEach((message) -> {
			for (Properties texts : new Properties[] { english, german }) {
				assertThat(placeholders(texts.getProperty(message.key()))).as("%s", message)
					.allMatch((index) -> index < message.args().size());
			}
		}));
	}

	@Test
	void everyTextFormats() {
		Object[] arguments = { "a0", "a1", "a2", "a3", "a4" };
		for (Properties texts : new Properties[] { english, german }) {
			texts.forEach((key, text) -> assertThatCode(() -> {
				String formatted = new MessageFormat((String) text, Locale.ROOT).format(arguments);
				assertThat(formatted).doesNotContain("{");
			}).as("%s", key).doesNotThrowAnyException());
		}
	}

	@Test
	void remediationsNameAGuiPathAndRationalesCiteTheSeed() {
		for (Rule rule : Catalogue.rules()) {
			for (Properties texts : new Properties[] { english, german }) {
				for (String key : rule.remediationKeys()) {
					assertThat(texts.getProperty(key)).as(key).contains(" › ");
				}
				assertThat(texts.getProperty(rule.rationaleKey())).as(rule.rationaleKey()).contains("SEPPmail FAQ");
			}
		}
	}

	@Test
	void bundlesLoadThroughResourceBundle() {
		ResourceBundle.Control noFallback = ResourceBundle.Control
			.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
		ResourceBundle de = ResourceBundle.getBundle("rules", Locale.GERMAN, noFallback);
		ResourceBundle root = ResourceBundle.getBundle("rules", Locale.ROOT, noFallback);
		assertThat(de.getString("rule.RELAY-DOMAIN.title")).isEqualTo(german.getProperty("rule.RELAY-DOMAIN.title"))
			.contains("Relaying pro Managed Domain");
		assertThat(root.getString("rule.TLS-OUT.title")).isEqualTo("TLS to the tenant’s mail server");
	}

	private static Set<Integer> placeholders(String text) {
		Set<Integer> indices = new TreeSet<>();
		Matcher matcher = BRACES.matcher(text);
		while (matcher.find()) {
			assertThat(matcher.group(1)).as("placeholder in %s", text).matches("[0-9]");
			indices.add(Integer.parseInt(matcher.group(1)));
		}
		return indices;
	}

}
