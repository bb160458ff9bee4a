package ch.mspguard.checklist.rule;

import java.util.List;

import ch.mspguard.checklist.EvaluationContext;
import ch.mspguard.checklist.Outcome;
import ch.mspguard.checklist.Severity;
import ch.mspguard.checklist.Verdict;
import ch.mspguard.gateway.DomainConfig;

/**
 * RELAY-EXO: an Exchange Online domain still needs an allowed-sending-servers entry
 * (SEPPmail FAQ §6); without one, every relaying network may send as the domain, the
 * tenant id notwithstanding.
 */
public class RelayExoRule extends DomainRule {

	static final String NOT_EXCHANGE_ONLINE = "not-exchange-online";

	static final String ENTRIES = "entries";

	static final String NO_ENTRY = "no-entry";

	public RelayExoRule() {
		super("RELAY-EXO", Severity.HIGH, "§6");
	}

	@Override
	public List<String> messageKeys() {
		return List.of(messageKey(NOT_EXCHANGE_ONLINE), messageKey(ENTRIES), messageKey(NO_ENTRY));
	}

	@Override
	protected DomainCheck prepare(EvaluationContext context) {
		return (tenant, domain) -> check(domain);
	}

	private Verdict check(DomainConfig domain) {
		if (!domain.isExchangeOnline()) {
			return verdict(Outcome.NOT_APPLICABLE, NOT_EXCHANGE_ONLINE);
		}
		if (domain.allowedSendingServers().isEmpty()) {
			return verdict(Outcome.FAIL, NO_ENTRY);
		}
		return verdict(Outcome.PASS, ENTRIES, Networks.join(domain.allowedSendingServers()));
	}

}
