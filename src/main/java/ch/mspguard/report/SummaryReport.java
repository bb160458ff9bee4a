package ch.mspguard.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ch.mspguard.checklist.Light;

/**
 * What the summary report shows: every tenant (of the filter) worst first, and the rules
 * that fail or need attention across them.
 *
 * @param tenants the tenants, worst first
 * @param rules the rules with a problem on at least one tenant, most failing first
 * @param lights how many tenants show each light
 * @param filter the filter applied, empty for all tenants
 * @param gatewayName the name of the gateway the filter selects, or null
 */
record SummaryReport(List<TenantLine> tenants, List<RuleLine> rules, Map<Light, Long> lights, ExportFilter filter,
		String gatewayName) {

	/**
	 * One tenant's line.
	 *
	 * @param id the tenant
	 * @param name its name
	 * @param displayName its display name
	 * @param gateway its gateway's name
	 * @param light its light
	 * @param evaluated whether it has an evaluation
	 * @param fail failing findings
	 * @param warn warnings
	 * @param unknown findings without data
	 * @param pass passing findings
	 * @param worstRule the most severe failing rule, or null
	 * @param evaluatedAt when its evaluation ran, or null
	 */
	record TenantLine(UUID id, String name, String displayName, String gateway, Light light, boolean evaluated,
			int fail, int warn, int unknown, int pass, String worstRule, Instant evaluatedAt) {
	}

	/**
	 * One rule across tenants.
	 *
	 * @param ruleId the rule
	 * @param failing on how many tenants it fails
	 * @param attention on how many tenants it warns or lacks data
	 */
	record RuleLine(String ruleId, long failing, long attention) {
	}

	public List<Light> lightsWorstFirst() {
		return List.of(Light.RED, Light.YELLOW, Light.GREEN);
	}

	long total() {
		return this.tenants.size();
	}

}
