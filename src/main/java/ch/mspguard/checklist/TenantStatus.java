package ch.mspguard.checklist;

import java.time.Instant;
import java.util.UUID;

import ch.mspguard.gateway.DataAge;

/**
 * One tenant with the light and counts of its current evaluation, as lists and reports
 * show them.
 *
 * @param id the tenant
 * @param name its name
 * @param displayName its display name, or null
 * @param unassigned whether it collects domains the appliance assigns to no customer
 * @param gatewayId its gateway
 * @param gatewayName the gateway's name
 * @param light its light ({@link CurrentEvaluations#NOT_EVALUATED} without evaluation)
 * @param evaluated whether it has an evaluation
 * @param fail failing findings
 * @param warn warnings
 * @param unknown findings without data
 * @param pass passing findings
 * @param worstRule the most severe failing rule, or null
 * @param evaluatedAt when its evaluation ran, or null
 * @param dataAge how old its gateway's data is, and whether it is stale
 * @param covered how many findings exceptions cover (issue 14)
 */
public record TenantStatus(UUID id, String name, String displayName, boolean unassigned, UUID gatewayId,
		String gatewayName, Light light, boolean evaluated, int fail, int warn, int unknown, int pass, String worstRule,
		Instant evaluatedAt, DataAge dataAge, int covered) {
}
