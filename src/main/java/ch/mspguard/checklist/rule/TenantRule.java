package ch.mspguard.checklist.rule;

import java.util.List;

import ch.mspguard.checklist.EvaluationContext;
import ch.mspguard.checklist.Finding;
import ch.mspguard.checklist.Scope;
import ch.mspguard.checklist.Severity;
import ch.mspguard.checklist.Verdict;
import ch.mspguard.gateway.TenantConfig;

/**
 * A rule evaluated once per tenant, in document order.
 */
public abstract class TenantRule extends AbstractRule {

	protected TenantRule(String id, Severity severity, String source) {
		super(id, severity, source);
	}

	@Override
	public final Scope scope() {
		return Scope.TENANT;
	}

	@Override
	public List<Finding> evaluate(EvaluationContext context) {
		return context.snapshot()
			.tenants()
			.stream()
			.map((tenant) -> new Finding(id(), Scope.TENANT, tenant.name(), null, check(tenant)))
			.toList();
	}

	@Override
	public abstract List<String> messageKeys();

	protected abstract Verdict check(TenantConfig tenant);

}
