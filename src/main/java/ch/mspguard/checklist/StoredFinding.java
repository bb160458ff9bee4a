package ch.mspguard.checklist;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A finding as an evaluation stores it: rule, subject, outcome, message key and
 * arguments, never rendered text. The operator-only detail message is stored apart from
 * it.
 *
 * @param rule the rule id
 * @param scope the scope
 * @param domain the domain's name for domain findings
 * @param domainId the domain's id for domain findings of stored gateways
 * @param outcome the outcome
 * @param key message key
 * @param args message arguments
 * @param remediation remediation key
 * @param exception the active exception that covers it (issue 14), or {@code null}
 */
public record StoredFinding(String rule, Scope scope, String domain, UUID domainId, Outcome outcome, String key,
		List<String> args, String remediation, @JsonInclude(JsonInclude.Include.NON_NULL) CoveredBy exception) {

	static StoredFinding of(Finding finding, UUID domainId) {
		return of(finding, domainId, null);
	}

	static StoredFinding of(Finding finding, UUID domainId, CoveredBy exception) {
		Verdict verdict = finding.verdict();
		return new StoredFinding(finding.ruleId(), finding.scope(), finding.domain(), domainId, verdict.outcome(),
				verdict.message().key(), verdict.message().args(), verdict.remediationKey(), exception);
	}

	public Message message() {
		return new Message(this.key, this.args);
	}

}
