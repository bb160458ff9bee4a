package ch.mspguard.checklist.rule;

import java.util.ArrayList;
import java.util.List;

import ch.mspguard.checklist.EvaluationContext;
import ch.mspguard.checklist.Outcome;
import ch.mspguard.checklist.Severity;
import ch.mspguard.checklist.Verdict;
import ch.mspguard.gateway.GatewaySettings;
import ch.mspguard.gateway.GatewaySnapshot;
import ch.mspguard.gateway.ListAction;
import ch.mspguard.gateway.ManualListEntry;
import ch.mspguard.gateway.Network;

/**
 * SPOOF-WELCOME: with spoof protection on, the tenants' own outgoing mail carries a
 * managed domain as sender and would be rejected unless its relaying networks are
 * welcomelisted (SEPPmail FAQ §7). The relaying networks belong to all tenants, so only
 * operators see which are missing.
 */
public class SpoofWelcomeRule extends GatewayRule {

	static final String SPOOF_PROTECTION_OFF = "spoof-protection-off";

	static final String RELAYING_NOT_RECORDED = "relaying-not-recorded";

	static final String EXCHANGE_ONLINE_RELAYING_NOT_RECORDED = "exchange-online-relaying-not-recorded";

	static final String WELCOMELIST_NOT_RECORDED = "welcomelist-not-recorded";

	static final String COVERED = "covered";

	static final String UNCOVERED = "uncovered";

	public SpoofWelcomeRule() {
		super("SPOOF-WELCOME", Severity.HIGH, "§7");
	}

	@Override
	public List<String> messageKeys() {
		return List.of(messageKey(SPOOF_PROTECTION_OFF), messageKey(RELAYING_NOT_RECORDED),
				messageKey(EXCHANGE_ONLINE_RELAYING_NOT_RECORDED), messageKey(WELCOMELIST_NOT_RECORDED),
				messageKey(COVERED), messageKey(UNCOVERED), detailKey(UNCOVERED));
	}

	@Override
	protected Verdict check(EvaluationContext context) {
		GatewaySnapshot snapshot = context.snapshot();
		GatewaySettings gateway = snapshot.gateway();
		if (!Boolean.TRUE.equals(gateway.rejectSpoofedSenderDomain())) {
			return verdict(Outcome.NOT_APPLICABLE, SPOOF_PROTECTION_OFF);
		}
		if (gateway.relayingNetworks() == null) {
			return verdict(Outcome.UNKNOWN, RELAYING_NOT_RECORDED);
		}
		List<Network> required = new ArrayList<>(gateway.relayingNetworks());
		if (snapshot.isMixed()) {
			if (gateway.exchangeOnlineRelayingNetworks() == null) {
				return verdict(Outcome.UNKNOWN, EXCHANGE_ONLINE_RELAYING_NOT_RECORDED);
			}
			required.addAll(gateway.exchangeOnlineRelayingNetworks());
		}
		if (required.isEmpty()) {
			return verdict(Outcome.PASS, COVERED);
		}
		if (gateway.manualListEntries() == null) {
			return verdict(Outcome.UNKNOWN, WELCOMELIST_NOT_RECORDED);
		}
		List<Network> accepted = gateway.manualListEntries()
			.stream()
			.filter((entry) -> entry.action() == ListAction.ACCEPT)
			.map(ManualListEntry::network)
			.toList();
		List<Network> uncovered = Networks.uncovered(required, accepted);
		if (uncovered.isEmpty()) {
			return verdict(Outcome.PASS, COVERED);
		}
		String count = String.valueOf(uncovered.size());
		return verdict(Outcome.FAIL, message(UNCOVERED, count), detail(UNCOVERED, count, Networks.join(uncovered)));
	}

}
