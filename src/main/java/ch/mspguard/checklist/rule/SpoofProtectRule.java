package ch.mspguard.checklist.rule;

import java.util.List;

import ch.mspguard.checklist.EvaluationContext;
import ch.mspguard.checklist.Outcome;
import ch.mspguard.checklist.Severity;
import ch.mspguard.checklist.Verdict;

/**
 * SPOOF-PROTECT: the gateway rejects incoming mail that claims a managed domain as sender
 * (SEPPmail FAQ §7). Recommended rather than mandatory, hence WARN when off.
 */
public class SpoofProtectRule extends GatewayRule {

	static final String ENABLED = "enabled";

	static final String DISABLED = "disabled";

	static final String NOT_RECORDED = "not-recorded";

	public SpoofProtectRule() {
		super("SPOOF-PROTECT", Severity.MEDIUM, "§7");
	}

	@Override
	public List<String> messageKeys() {
		return List.of(messageKey(ENABLED), messageKey(DISABLED), messageKey(NOT_RECORDED));
	}

	@Override
	protected Verdict check(EvaluationContext context) {
		Boolean enabled = context.snapshot().gateway().rejectSpoofedSenderDomain();
		if (enabled == null) {
			return verdict(Outcome.UNKNOWN, NOT_RECORDED);
		}
		return enabled ? verdict(Outcome.PASS, ENABLED) : verdict(Outcome.WARN, DISABLED);
	}

}
