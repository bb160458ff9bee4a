package ch.mspguard.dashboard;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import ch.mspguard.checklist.Catalogue;
import ch.mspguard.checklist.FindingTexts;
import ch.mspguard.checklist.Rule;

/**
 * Rule titles by id in the reader's language, for tables that show only a rule's id.
 */
final class RuleTitles {

	private RuleTitles() {
	}

	static Map<String, String> of(FindingTexts texts, Locale locale) {
		Map<String, String> titles = new LinkedHashMap<>();
		for (Rule rule : Catalogue.rules()) {
			titles.put(rule.id(), texts.title(rule, locale));
		}
		return titles;
	}

}
