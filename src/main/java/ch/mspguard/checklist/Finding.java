package ch.mspguard.checklist;

/**
 * The verdict of one rule on one subject of a gateway.
 *
 * @param ruleId the rule, e.g. {@code TLS-OUT}
 * @param scope the scope of the rule
 * @param tenant the tenant's name for tenant and domain findings, else {@code null}
 * @param domain the domain's name for domain findings, else {@code null}
 * @param verdict outcome and messages
 */
public record Finding(String ruleId, Scope scope, String tenant, String domain, Verdict verdict) {

	public Outcome outcome() {
		return this.verdict.outcome();
	}

}
