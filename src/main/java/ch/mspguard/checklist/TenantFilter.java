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
 * @param worsenedDays only tenants whose light worsened in the last this many days
 * @param failingDays only red tenants that have been red for longer than this many days
 * @param confirmedBefore only tenants whose gateway's data was last confirmed at or
 * before this instant, or never: the stale ones, given {@code DataAges.staleCutoff()}
 */
public record TenantFilter(Light light, UUID gateway, String rule, String search, Integer worsenedDays,
		Integer failingDays, Instant confirmedBefore) {

	/** No filter: every tenant. */
	public static final TenantFilter NONE = new TenantFilter(null, null, null, null);

	/** The longest period the history filters accept: the retention of light changes. */
	public static final int MAX_DAYS = 731;

	public TenantFilter(Light light, UUID gateway, String rule, String search) {
		this(light, gateway, rule, search, null, null, null);
	}

	/**
	 * The filter as it comes from a URL's parameters, leniently: a value that names no
	 * light or no gateway id is ignored rather than refused, so that an old bookmark
	 * still opens; blank values count as absent.
	 */
	public static TenantFilter ofParameters(String light, String gateway, String rule, String search) {
		return ofParameters(light, gateway, rule, search, null, null);
	}

	/**
	 * As above, with the history filters (a number of days from 1 to {@link #MAX_DAYS}).
	 */
	public static TenantFilter ofParameters(String light, String gateway, String rule, String search,
			String worsenedDays, String failingDays) {
		return new TenantFilter(light(light), uuid(gateway), blankToNull(rule), blankToNull(search), days(worsenedDays),
				days(failingDays), null);
	}

	/** This filter narrowed to the tenants whose data was confirmed at or before then. */
	public TenantFilter confirmedBefore(Instant cutoff) {
		return new TenantFilter(this.light, this.gateway, this.rule, this.search, this.worsenedDays, this.failingDays,
				cutoff);
	}

	public boolean isEmpty() {
		return equals(NONE);
	}

	private static Integer days(String value) {
		try {
			int days = (value != null && !value.isBlank()) ? Integer.parseInt(value.strip()) : 0;
			return (days >= 1) ? Math.min(days, MAX_DAYS) : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
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
