package ch.mspguard.checklist;

import java.util.UUID;

/**
 * Which tenants a list of current evaluations shows. Every part is optional; the tenants
 * a user may see are decided by the database role of the transaction, not here.
 *
 * @param light only tenants with this light (a tenant without evaluation counts as
 * {@link CurrentEvaluations#NOT_EVALUATED})
 * @param gateway only tenants of this gateway
 * @param rule only tenants where this rule fails or needs attention
 * @param search text in the tenant's name, display name or one of its domain names
 */
public record TenantFilter(Light light, UUID gateway, String rule, String search) {

	/** No filter: every tenant. */
	public static final TenantFilter NONE = new TenantFilter(null, null, null, null);

	public boolean isEmpty() {
		return equals(NONE);
	}

}
