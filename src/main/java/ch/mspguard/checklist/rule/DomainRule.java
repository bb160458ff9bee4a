package ch.mspguard.checklist.rule;

import java.util.ArrayList;
import java.util.List;

import ch.mspguard.checklist.EvaluationContext;
import ch.mspguard.checklist.Finding;
import ch.mspguard.checklist.Scope;
import ch.mspguard.checklist.Severity;
import ch.mspguard.checklist.Verdict;
import ch.mspguard.gateway.DomainConfig;
import ch.mspguard.gateway.TenantConfig;

/**
 * A rule evaluated once per managed domain, in document order of tenants and domains.
 */
public abstract class DomainRule extends AbstractRule {

	protected DomainRule(String id, Severity severity, String source) {
		super(id, severity, source);
	}

	@Override
	public final Scope scope() {
		return Scope.DOMAIN;
	}

	@Override
	public List<Finding> evaluate(EvaluationContext context) {
		DomainCheck check = prepare(context);
		List<Finding> findings = new ArrayList<>();
		for (TenantConfig tenant : context.snapshot().tenants()) {
			for (DomainConfig domain : tenant.domains()) {
				findings
					.add(new Finding(id(), Scope.DOMAIN, tenant.name(), domain.name(), check.check(tenant, domain)));
			}
		}
		return findings;
	}

	@Override
	public abstract List<String> messageKeys();

	/**
	 * The check to apply to each domain. A rule that needs gateway-wide data computes it
	 * here, once per evaluation rather than once per domain.
	 */
	protected abstract DomainCheck prepare(EvaluationContext context);

	/**
	 * The verdict on one domain of one tenant.
	 */
	@FunctionalInterface
	protected interface DomainCheck {

		Verdict check(TenantConfig tenant, DomainConfig domain);

	}

}
