package ch.mspguard.checklist;

import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

class ListArgumentTests {

	@Test
	void shortListsAreNamedWhole() {
		assertThat(ListArgument.join(List.of("a", "b", "c"))).isEqualTo("a, b, c");
	}

	@Test
	void longListsNameFiveAndSayHowManyMoreInTheReadersLanguage() {
		String joined = ListArgument
			.join(IntStream.range(0, 1000).mapToObj((i) -> "10.0." + i / 256 + "." + i % 256).toList());
		assertThat(joined).isEqualTo("10.0.0.0, 10.0.0.1, 10.0.0.2, 10.0.0.3, 10.0.0.4, \u2026 (+995)");
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		assertThat(ListArgument.render(joined, messages, Locale.ENGLISH)).endsWith("10.0.0.4 and 995 more");
		assertThat(ListArgument.render(joined, messages, Locale.GERMAN)).endsWith("10.0.0.4 und 995 weitere");
	}

}
