package ch.mspguard.checklist;

import ch.mspguard.gateway.GatewaySnapshot;

/**
 * Everything a rule may read: one gateway's configuration and the reference data.
 *
 * @param snapshot the gateway, its tenants and domains
 * @param exchangeOnlineRanges the TCP 25 sources of Exchange Online
 */
public record EvaluationContext(GatewaySnapshot snapshot, ReferenceNetworks exchangeOnlineRanges) {

}
