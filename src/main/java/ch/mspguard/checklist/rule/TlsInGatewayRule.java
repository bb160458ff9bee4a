package ch.mspguard.checklist.rule;

import java.util.List;

import ch.mspguard.checklist.EvaluationContext;
import ch.mspguard.checklist.Outcome;
import ch.mspguard.checklist.Severity;
import ch.mspguard.checklist.Verdict;

/**
 * TLS-IN-GATEWAY: the gateway refuses SMTP without TLS (SEPPmail FAQ §2).
 */
public class TlsInGatewayRule extends GatewayRule {

	static final String ENABLED = "enabled";

	static final String DISABLED = "disabled";

	static final String NOT_RECORDED = "not-recorded";

	public TlsInGatewayRule() {
		super("TLS-IN-GATEWAY", Severity.HIGH, "§2");
	}

	@Override
	public List<String> messageKeys() {
		return List.of(messageKey(ENABLED), messageKey(DISABLED), messageKey(NOT_RECORDED));
	}

	@Override
	protected Verdict check(EvaluationContext context) {
		Boolean required = context.snapshot().gateway().requireTlsEncryption();
		if (required == null) {
			return verdict(Outcome.UNKNOWN, NOT_RECORDED);
		}
		return required ? verdict(Outcome.PASS, ENABLED) : verdict(Outcome.FAIL, DISABLED);
	}

}
