package ch.mspguard.checklist;

import java.util.UUID;

/**
 * A finding in the reader's language, ready for a page, an API answer or a report.
 *
 * @param ruleId the rule id
 * @param title the rule's title
 * @param severity the rule's severity
 * @param scope the scope
 * @param domain the domain's name for domain findings
 * @param domainId the domain's id for domain findings
 * @param outcome the outcome
 * @param message what was found
 * @param remediation what to change, naming the SEPPmail GUI path
 * @param rationale why it matters
 * @param exception the active exception that covers it (issue 14), or {@code null}
 */
public record RenderedFinding(String ruleId, String title, Severity severity, Scope scope, String domain, UUID domainId,
		Outcome outcome, String message, String remediation, String rationale, CoveredBy exception) {

	public boolean isProblem() {
		return this.outcome.isProblem();
	}

}
