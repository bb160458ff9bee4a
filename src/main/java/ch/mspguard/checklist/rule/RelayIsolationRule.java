package ch.mspguard.checklist.rule;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import ch.mspguard.checklist.EvaluationContext;
import ch.mspguard.checklist.Outcome;
import ch.mspguard.checklist.Severity;
import ch.mspguard.checklist.Verdict;
import ch.mspguard.gateway.DomainConfig;
import ch.mspguard.gateway.GatewaySnapshot;
import ch.mspguard.gateway.Network;
import ch.mspguard.gateway.TenantConfig;
import inet.ipaddr.IPAddress;

/**
 * RELAY-ISOLATION: no other tenant's servers may send as this domain. This is what §5 of
 * the SEPPmail FAQ is for on a shared gateway: a domain whose allowed sending servers
 * overlap another tenant's lets that tenant send as it.
 * <p>
 * Placeholders (the pseudo IPs of §6) are left out on both sides: they match no real
 * sender, so two tenants choosing the same pseudo IP share nothing.
 */
public class RelayIsolationRule extends DomainRule {

	static final String NO_ENTRIES = "no-entries";

	static final String ISOLATED = "isolated";

	static final String OVERLAP_FAIL = "overlap-fail";

	static final String OVERLAP_WARN = "overlap-warn";

	public RelayIsolationRule() {
		super("RELAY-ISOLATION", Severity.CRITICAL, "extension of §5");
	}

	@Override
	public List<String> messageKeys() {
		return List.of(messageKey(NO_ENTRIES), messageKey(ISOLATED), messageKey(OVERLAP_FAIL), detailKey(OVERLAP_FAIL),
				messageKey(OVERLAP_WARN), detailKey(OVERLAP_WARN));
	}

	/**
	 * Classifies every entry once and indexes the real senders of all tenants, so that
	 * each domain then costs a few lookups. Domains are keyed by identity because a
	 * record's hash code would walk all of its entries.
	 */
	@Override
	protected DomainCheck prepare(EvaluationContext context) {
		GatewaySnapshot snapshot = context.snapshot();
		List<Network> relaying = snapshot.gateway().relayingNetworks();
		NetworkUnion relayingNetworks = (relaying != null) ? NetworkUnion.of(relaying) : null;
		Map<DomainConfig, List<OverlapIndex.Entry>> senders = new IdentityHashMap<>(1024);
		List<OverlapIndex.Entry> all = new ArrayList<>();
		for (TenantConfig tenant : snapshot.tenants()) {
			for (DomainConfig domain : tenant.domains()) {
				List<OverlapIndex.Entry> entries = new ArrayList<>(domain.allowedSendingServers().size());
				for (Network network : domain.allowedSendingServers()) {
					if (!Networks.isPlaceholder(network, relayingNetworks)) {
						for (IPAddress block : network.blocks()) {
							entries.add(new OverlapIndex.Entry(tenant.name(), domain.name(), network, block));
						}
					}
				}
				senders.put(domain, entries);
				all.addAll(entries);
			}
		}
		OverlapIndex index = OverlapIndex.of(all);
		return (tenant, domain) -> check(tenant, domain, senders.get(domain), index);
	}

	private Verdict check(TenantConfig tenant, DomainConfig domain, List<OverlapIndex.Entry> senders,
			OverlapIndex index) {
		if (domain.allowedSendingServers().isEmpty()) {
			return verdict(Outcome.NOT_APPLICABLE, NO_ENTRIES);
		}
		List<Network> overlapping = new ArrayList<>();
		OverlapIndex.Entry example = null;
		for (OverlapIndex.Entry own : senders) {
			OverlapIndex.Entry other = index.findOtherTenant(tenant.name(), own.span());
			if (other != null) {
				overlapping.add(own.network());
				example = (example != null) ? example : other;
			}
		}
		if (example == null) {
			return verdict(Outcome.PASS, ISOLATED);
		}
		boolean boundFurther = domain.headerCheck() != null || domain.isExchangeOnline();
		String name = boundFurther ? OVERLAP_WARN : OVERLAP_FAIL;
		String own = Networks.join(overlapping);
		return verdict(boundFurther ? Outcome.WARN : Outcome.FAIL, message(name, own),
				detail(name, own, example.tenant(), example.domain(), example.network().text()));
	}

}
