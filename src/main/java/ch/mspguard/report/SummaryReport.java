package ch.mspguard.report;

import java.util.List;
import java.util.Map;

import ch.mspguard.checklist.CurrentEvaluations;
import ch.mspguard.checklist.Light;
import ch.mspguard.checklist.TenantStatus;

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
record SummaryReport(List<TenantStatus> tenants, List<CurrentEvaluations.RuleTally> rules, Map<Light, Long> lights,
		ExportFilter filter, String gatewayName) {

	public List<Light> lightsWorstFirst() {
		return List.of(Light.RED, Light.YELLOW, Light.GREEN);
	}

	/** How many of the tenants have stale data. */
	public long staleTenants() {
		return this.tenants.stream().filter((tenant) -> tenant.dataAge().stale()).count();
	}

	long total() {
		return this.tenants.size();
	}

}
