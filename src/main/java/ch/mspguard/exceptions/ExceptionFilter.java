package ch.mspguard.exceptions;

import java.util.Locale;
import java.util.UUID;

/**
 * Which exceptions a list shows: by state (or active and expiring within 30 days), by
 * tenant, by rule; each may be absent.
 *
 * @param state the state, or {@code null} for all
 * @param expiring only active exceptions expiring within {@link #EXPIRING_DAYS} days
 * @param tenantId the tenant, or {@code null}
 * @param ruleId the rule, or {@code null}
 */
public record ExceptionFilter(ExceptionState state, boolean expiring, UUID tenantId, String ruleId) {

	/** "Expiring soon" means within this many days, today included. */
	public static final int EXPIRING_DAYS = 30;

	/** The filter word for expiring exceptions, next to the state names. */
	public static final String EXPIRING = "EXPIRING";

	public static final ExceptionFilter ALL = new ExceptionFilter(null, false, null, null);

	/**
	 * Reads a state word ({@code REQUESTED} … or {@code EXPIRING}).
	 * @throws IllegalArgumentException for an unknown word
	 */
	public static ExceptionFilter of(String state, UUID tenantId, String ruleId) {
		String word = (state != null && !state.isBlank()) ? state.strip().toUpperCase(Locale.ROOT) : null;
		String rule = (ruleId != null && !ruleId.isBlank()) ? ruleId.strip() : null;
		if (word == null) {
			return new ExceptionFilter(null, false, tenantId, rule);
		}
		if (EXPIRING.equals(word)) {
			return new ExceptionFilter(null, true, tenantId, rule);
		}
		return new ExceptionFilter(ExceptionState.valueOf(word), false, tenantId, rule);
	}

}
