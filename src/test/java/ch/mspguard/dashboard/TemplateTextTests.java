package ch.mspguard.dashboard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every visible text of every template comes from the message bundles: text that is not
 * replaced by {@code th:text} (or a fragment) at run time would show in one language
 * only.
 */
class TemplateTextTests {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	/** Separators and symbols that are the same in every language. */
	private static final String NEUTRAL = "[\\s·/:|—–\\-()✖✔▲?×…,.%&#;0-9◉]*|EN|DE";

	@Test
	void noTemplateHasHardCodedText() throws IOException {
		List<String> hardCoded = new ArrayList<>();
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".html")).toList()) {
				Document document = Jsoup.parse(Files.readString(file), "", Parser.xmlParser());
				NodeTraversor.traverse(new NodeVisitor() {
					@Override
					public void head(org.jsoup.nodes.Node node, int depth) {
						if (node instanceof TextNode text && !text.isBlank() && !replaced(text.parent())
								&& !text.text().strip().matches(NEUTRAL)) {
							hardCoded.add(TEMPLATES.relativize(file) + ": \"" + text.text().strip() + "\"");
						}
					}
				}, document);
				for (Element element : document.select("[title],[placeholder],[alt],[aria-label]")) {
					for (String attribute : List.of("title", "placeholder", "alt", "aria-label")) {
						String value = element.attr(attribute);
						if (!value.isEmpty() && !value
							.matches("[0-9a-z.:/-]*\\.[a-z]+|[0-9a-f.:/-]*|https?://\\S+|-----BEGIN [A-Z ]+-----")) {
							hardCoded.add(TEMPLATES.relativize(file) + ": " + attribute + "=\"" + value + "\"");
						}
					}
				}
			}
		}
		assertThat(hardCoded).isEmpty();
	}

	/**
	 * Whether Thymeleaf replaces the node's content (or the node itself) when rendering.
	 */
	private static boolean replaced(org.jsoup.nodes.Node node) {
		for (org.jsoup.nodes.Node current = node; current instanceof Element element; current = current.parent()) {
			for (String attribute : List.of("th:text", "th:utext", "th:errors", "th:replace", "th:insert", "th:remove",
					"sec:authentication")) {
				if (element.hasAttr(attribute)) {
					return true;
				}
			}
			if (element.tagName().equals("title") || element.tagName().equals("script")
					|| element.tagName().equals("style")) {
				return true;
			}
		}
		return false;
	}

}
