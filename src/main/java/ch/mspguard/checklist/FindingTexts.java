package ch.mspguard.checklist;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Renders stored findings and rule texts in the reader's language. Operators and auditors
 * get the detailed message where a finding has one; tenant admins never do.
 */
@Component
public class FindingTexts {

	private final MessageSource messages;

	FindingTexts(MessageSource messages) {
		this.messages = messages;
	}

	public List<RenderedFinding> render(List<StoredFinding> findings, Map<Integer, Message> details, Locale locale) {
		List<RenderedFinding> rendered = new ArrayList<>(findings.size());
		for (int i = 0; i < findings.size(); i++) {
			StoredFinding finding = findings.get(i);
			Message message = details.getOrDefault(i, finding.message());
			Rule rule = Catalogue.rule(finding.rule()).orElseThrow();
			rendered.add(new RenderedFinding(finding.rule(), title(rule, locale), rule.severity(), finding.scope(),
					finding.domain(), finding.domainId(), finding.outcome(), text(message, locale),
					text(finding.remediation(), locale), rationale(rule, locale), finding.exception()));
		}
		return rendered;
	}

	/** Findings of an evaluation that was not stored (a dry run). */
	public List<RenderedFinding> renderFresh(List<Finding> findings, boolean withDetails, Locale locale) {
		List<StoredFinding> stored = new ArrayList<>();
		Map<Integer, Message> details = new java.util.HashMap<>();
		for (int i = 0; i < findings.size(); i++) {
			Finding finding = findings.get(i);
			stored.add(StoredFinding.of(finding, null));
			if (withDetails && finding.verdict().detail() != null) {
				details.put(i, finding.verdict().detail());
			}
		}
		return render(stored, details, locale);
	}

	public String title(Rule rule, Locale locale) {
		return text(rule.titleKey(), locale);
	}

	public String rationale(Rule rule, Locale locale) {
		return text(rule.rationaleKey(), locale);
	}

	public String remediation(Rule rule, Locale locale) {
		return text(rule.remediationKey(), locale);
	}

	public String text(Message message, Locale locale) {
		Object[] args = new Object[message.args().size()];
		for (int i = 0; i < args.length; i++) {
			args[i] = ListArgument.render(message.args().get(i), this.messages, locale);
		}
		return this.messages.getMessage(message.key(), args, locale);
	}

	private String text(String key, Locale locale) {
		return this.messages.getMessage(key, null, locale);
	}

}
