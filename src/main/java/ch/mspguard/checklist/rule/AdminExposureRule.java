package ch.mspguard.checklist.rule;

import java.util.List;

import ch.mspguard.checklist.EvaluationContext;
import ch.mspguard.checklist.Outcome;
import ch.mspguard.checklist.Severity;
import ch.mspguard.checklist.Verdict;
import ch.mspguard.gateway.Network;

/**
 * ADMIN-EXPOSURE: the admin GUI and REST API are not reachable from everywhere. One
 * gateway's admin GUI reaches every tenant on it, and SEPPmail's own Azure template opens
 * it to any source.
 */
public class AdminExposureRule extends GatewayRule {

	static final String NOT_RECORDED = "not-recorded";

	static final String NOT_REACHABLE = "not-reachable";

	static final String RESTRICTED = "restricted";

	static final String CATCH_ALL = "catch-all";

	public AdminExposureRule() {
		super("ADMIN-EXPOSURE", Severity.HIGH, "extension");
	}

	@Override
	public List<String> messageKeys() {
		return List.of(messageKey(NOT_RECORDED), messageKey(NOT_REACHABLE), messageKey(RESTRICTED),
				messageKey(CATCH_ALL), detailKey(CATCH_ALL));
	}

	@Override
	protected Verdict check(EvaluationContext context) {
		List<Network> sources = context.snapshot().gateway().adminInboundSources();
		if (sources == null) {
			return verdict(Outcome.UNKNOWN, NOT_RECORDED);
		}
		if (sources.isEmpty()) {
			return verdict(Outcome.PASS, NOT_REACHABLE);
		}
		List<Network> catchAll = sources.stream().filter(Networks::isCatchAll).toList();
		if (catchAll.isEmpty()) {
			return verdict(Outcome.PASS, RESTRICTED);
		}
		return verdict(Outcome.FAIL, message(CATCH_ALL), detail(CATCH_ALL, Networks.join(catchAll)));
	}

}
