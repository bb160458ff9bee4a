package ch.mspguard.checklist.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import ch.mspguard.checklist.EvaluationContext;
import ch.mspguard.checklist.Outcome;
import ch.mspguard.checklist.Severity;
import ch.mspguard.checklist.Verdict;
import ch.mspguard.gateway.DomainConfig;
import ch.mspguard.gateway.Network;

/**
 * RELAY-DOMAIN: each managed domain names the servers that may send as it (SEPPmail FAQ
 * §5). An empty list means every relaying network may, which on a shared gateway includes
 * every other tenant.
 */
public class RelayDomainRule extends DomainRule {

	static final String CATCH_ALL = "catch-all";

	static final String BROAD = "broad";

	static final String RESTRICTED = "restricted";

	static final String HEADER_CHECK_ONLY = "header-check-only";

	static final String UNRESTRICTED = "unrestricted";

	public RelayDomainRule() {
		super("RELAY-DOMAIN", Severity.CRITICAL, "§5");
	}

	@Override
	public List<String> messageKeys() {
		return List.of(messageKey(CATCH_ALL), messageKey(BROAD), messageKey(RESTRICTED), messageKey(HEADER_CHECK_ONLY),
				messageKey(UNRESTRICTED));
	}

	@Override
	protected DomainCheck prepare(EvaluationContext context) {
		return (tenant, domain) -> check(domain);
	}

	private Verdict check(DomainConfig domain) {
		List<Network> entries = domain.allowedSendingServers();
		if (entries.isEmpty()) {
			return (domain.headerCheck() != null)
					? verdict(Outcome.WARN, HEADER_CHECK_ONLY, Objects.toString(domain.headerCheck().name(), ""))
					: verdict(Outcome.FAIL, UNRESTRICTED);
		}
		List<Network> catchAll = new ArrayList<>();
		List<Network> broad = new ArrayList<>();
		for (Network entry : entries) {
			if (Networks.isCatchAll(entry)) {
				catchAll.add(entry);
			}
			else if (Networks.isBroad(entry)) {
				broad.add(entry);
			}
		}
		if (!catchAll.isEmpty()) {
			return verdict(Outcome.FAIL, CATCH_ALL, Networks.join(catchAll));
		}
		if (!broad.isEmpty()) {
			return verdict(Outcome.WARN, BROAD, Networks.join(broad));
		}
		return verdict(Outcome.PASS, RESTRICTED, Networks.join(entries));
	}

}
