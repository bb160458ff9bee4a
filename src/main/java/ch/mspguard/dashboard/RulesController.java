package ch.mspguard.dashboard;

import java.util.List;
import java.util.Locale;

import ch.mspguard.checklist.Catalogue;
import ch.mspguard.checklist.FindingTexts;
import ch.mspguard.checklist.Rule;
import ch.mspguard.checklist.Scope;
import ch.mspguard.checklist.Severity;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The rule catalogue with every rule's texts, for everyone who logs in.
 */
@Controller
class RulesController {

	private final FindingTexts texts;

	RulesController(FindingTexts texts) {
		this.texts = texts;
	}

	@GetMapping("/rules")
	String rules(Locale locale, Model model) {
		model.addAttribute("rules", Catalogue.rules().stream().map((rule) -> text(rule, locale)).toList());
		model.addAttribute("version", Catalogue.VERSION);
		return "rules/list";
	}

	private RuleText text(Rule rule, Locale locale) {
		return new RuleText(rule.id(), rule.scope(), rule.severity(), rule.source(), this.texts.title(rule, locale),
				this.texts.rationale(rule, locale),
				rule.remediationKeys()
					.stream()
					.map((key) -> this.texts.text(new ch.mspguard.checklist.Message(key, List.of()), locale))
					.toList());
	}

}
