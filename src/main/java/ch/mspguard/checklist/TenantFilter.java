package ch.mspguard.checklist;

import java.time.Instant;
import java.util.Locale;
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
 * @param confirmedBefore only tenants whose gateway's data was last confirmed at or
 * before this instant, or never: the stale ones, given {@code DataAges.staleCutoff()}
 */
public record TenantFilter(Light light, UUID gateway, String rule, String search, Instant confirmedBefore) {

	/** No filter: every tenant. */
	public static final TenantFilter NONE = new TenantFilter(null, null, null, null, null);

	public TenantFilter(Light light, UUID gateway, String rule, String search) {
		this(light, gateway, rule, search, null);
	}

	/**
	 * The filter as it comes from a URL's parameters, leniently: a value that names no
	 * light or no gateway id is ignored rather than refused, so that an old bookmark
	 * still opens; blank values count as absent.
	 */
	public static TenantFilter ofParameters(String light, String gateway, String rule, String search) {
		return new TenantFilter(light(light), uuid(gateway), blankToNull(rule), blankToNull(search));
	}

	/** This filter narrowed to the tenants whose data was confirmed at or before then. */
	public TenantFilter confirmedBefore(Instant cutoff) {
		return new TenantFilter(this.light, this.gateway, this.rule, this.search, cutoff);
	}

	public boolean isEmpty() {
		return equals(NONE);
	}

	private static Light light(String value) {
		try {
			return (value != null && !value.isBlank()) ? Light.valueOf(value.strip().toUpperCase(Locale.ROOT)) : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static UUID uuid(String value) {
		try {
			return (value != null && !value.isBlank()) ? UUID.fromString(value.strip()) : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static String blankToNull(String value) {
		return (value != null && !value.isBlank()) ? value.strip() : null;
	}

}
