package ch.mspguard.checklist.rule;

import java.util.List;

import ch.mspguard.checklist.EvaluationContext;
import ch.mspguard.checklist.Finding;
import ch.mspguard.checklist.Scope;
import ch.mspguard.checklist.Severity;
import ch.mspguard.checklist.Verdict;

/**
 * A rule on the gateway as a whole. Its one finding is shown to every tenant of the
 * gateway, so its plain message must not reveal anything tenant-specific.
 */
public abstract class GatewayRule extends AbstractRule {

	protected GatewayRule(String id, Severity severity, String source) {
		super(id, severity, source);
	}

	@Override
	public final Scope scope() {
		return Scope.GATEWAY;
	}

	@Override
	public List<Finding> evaluate(EvaluationContext context) {
		return List.of(new Finding(id(), Scope.GATEWAY, null, null, check(context)));
	}

	@Override
	public abstract List<String> messageKeys();

	protected abstract Verdict check(EvaluationContext context);

}
