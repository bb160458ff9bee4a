package ch.mspguard.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import ch.mspguard.checklist.Light;
import ch.mspguard.checklist.TenantFilter;

/**
 * The overview's filters as the all-tenant exports apply them, with the overview's
 * semantics: a tenant's light, its gateway, and a rule that fails or needs attention on
 * it. Unknown values are ignored, as on the overview.
 *
 * @param light only tenants with this light
 * @param gateway only tenants of this gateway
 * @param rule only tenants where this rule fails or needs attention
 */
record ExportFilter(Light light, UUID gateway, String rule) {

	static final ExportFilter NONE = new ExportFilter(null, null, null);

	static ExportFilter of(String light, String gateway, String rule) {
		TenantFilter filter = TenantFilter.ofParameters(light, gateway, rule, null);
		return new ExportFilter(filter.light(), filter.gateway(), filter.rule());
	}

	/** Which tenants the export reads. */
	TenantFilter tenants() {
		return new TenantFilter(this.light, this.gateway, this.rule, null);
	}

	public boolean isEmpty() {
		return this.light == null && this.gateway == null && this.rule == null;
	}

	/** The filter as the audit log records it. */
	Map<String, String> describe() {
		Map<String, String> description = new LinkedHashMap<>();
		if (this.light != null) {
			description.put("light", this.light.name());
		}
		if (this.gateway != null) {
			description.put("gateway", this.gateway.toString());
		}
		if (this.rule != null) {
			description.put("rule", this.rule);
		}
		return description;
	}

}
