package ch.mspguard.gateway;

import java.util.Set;

/**
 * SEPPmail's built-in customers {@code [none]} and {@code [default]} hold the domains no
 * real customer owns. Their names contain brackets, which a tenant name cannot, so they
 * become the tenants {@value #NONE} and {@value #DEFAULT}: names reserved for them in
 * every source (a SEPPmail API import, a snapshot, a form), marked "unassigned" wherever
 * tenants are shown. The database derives its {@code tenant.unassigned} column from the
 * same two names.
 */
public final class UnassignedTenants {

	/** The tenant of SEPPmail's customer {@code [none]}. */
	public static final String NONE = "__none__";

	/** The tenant of SEPPmail's customer {@code [default]}. */
	public static final String DEFAULT = "__default__";

	private static final Set<String> NAMES = Set.of(NONE, DEFAULT);

	private UnassignedTenants() {
	}

	public static boolean isUnassigned(String tenantName) {
		return NAMES.contains(tenantName);
	}

}
