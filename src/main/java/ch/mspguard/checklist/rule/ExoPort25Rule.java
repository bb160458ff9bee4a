package ch.mspguard.checklist.rule;

import java.util.List;

import ch.mspguard.checklist.EvaluationContext;
import ch.mspguard.checklist.Outcome;
import ch.mspguard.checklist.ReferenceNetworks;
import ch.mspguard.checklist.Severity;
import ch.mspguard.checklist.Verdict;
import ch.mspguard.gateway.GatewaySettings;
import ch.mspguard.gateway.Hosting;
import ch.mspguard.gateway.Network;

/**
 * EXO-PORT25: a gateway that serves only Exchange Online tenants accepts SMTP only from
 * Exchange Online (SEPPmail FAQ §8). The allowed sources belong to the gateway, so only
 * operators see which are too wide.
 */
public class ExoPort25Rule extends GatewayRule {

	static final String NOT_PURE_EXCHANGE_ONLINE = "not-pure-exchange-online";

	static final String NOT_RECORDED = "not-recorded";

	static final String RESTRICTED = "restricted";

	static final String OPEN = "open";

	public ExoPort25Rule() {
		super("EXO-PORT25", Severity.HIGH, "§8");
	}

	@Override
	public List<String> messageKeys() {
		return List.of(messageKey(NOT_PURE_EXCHANGE_ONLINE), messageKey(NOT_RECORDED), messageKey(RESTRICTED),
				messageKey(OPEN), detailKey(OPEN));
	}

	/**
	 * Azure gateways are fixed in the network security group, the others in a firewall.
	 */
	public String azureRemediationKey() {
		return remediationKey() + ".azure";
	}

	@Override
	public List<String> remediationKeys() {
		return List.of(remediationKey(), azureRemediationKey());
	}

	@Override
	protected Verdict check(EvaluationContext context) {
		Verdict verdict = plainCheck(context);
		if (context.snapshot().gateway().hosting() == Hosting.AZURE) {
			return new Verdict(verdict.outcome(), verdict.message(), verdict.detail(), azureRemediationKey());
		}
		return verdict;
	}

	private Verdict plainCheck(EvaluationContext context) {
		if (!context.snapshot().isPureExchangeOnline()) {
			return verdict(Outcome.NOT_APPLICABLE, NOT_PURE_EXCHANGE_ONLINE);
		}
		GatewaySettings gateway = context.snapshot().gateway();
		if (gateway.smtpInboundSources() == null) {
			return verdict(Outcome.UNKNOWN, NOT_RECORDED);
		}
		ReferenceNetworks ranges = context.exchangeOnlineRanges();
		List<Network> outside = Networks.uncovered(gateway.smtpInboundSources(), ranges.networks());
		if (outside.isEmpty()) {
			return verdict(Outcome.PASS, RESTRICTED, ranges.version());
		}
		return verdict(Outcome.FAIL, message(OPEN, ranges.version()),
				detail(OPEN, ranges.version(), Networks.join(outside)));
	}

}
