package ch.mspguard.checklist;

import java.util.UUID;

/**
 * Why a tenant's light may have changed, stored with the change and rendered in the
 * reader's language ({@code cause.<kind>} in the message bundles). Causes hold names and
 * values, never rendered text, and never the name of another tenant: a change in another
 * tenant's configuration is recorded for the tenants it affects as
 * {@link Kind#OTHER_TENANT} without naming it.
 *
 * @param kind what happened
 * @param tenantId the tenant the cause belongs to, or {@code null} when it concerns every
 * tenant of the gateway (a gateway-wide setting, the catalogue, reference data)
 * @param subject what changed: the domain or tenant name for configuration changes, the
 * rule id (and domain) for exceptions; may be null
 * @param field the changed field (configuration), or the exception's id
 * @param before the value before, as text; null when absent
 * @param after the value after, as text; null when absent
 * @param actor who made the change ({@code system} for scheduled work)
 * @param via how: {@code edit}, {@code api}, {@code upload}, {@code seppmail-pull},
 * {@code demo}, {@code exception}, {@code schedule}, …
 */
public record Cause(Kind kind, UUID tenantId, String subject, String field, String before, String after, String actor,
		String via) {

	/** The kinds of cause. */
	public enum Kind {

		/** A field of the tenant's own configuration, or of the gateway, changed. */
		CONFIGURATION,

		/** Another tenant's configuration changed (it is not named). */
		OTHER_TENANT,

		/** The checklist's catalogue version changed ({@code before} → {@code after}). */
		CATALOGUE,

		/** Reference data (the Exchange Online ranges) changed version. */
		REFERENCE_DATA,

		/** An exception was granted, expired, revoked or needs review. */
		EXCEPTION,

		/** Scheduled re-evaluation without a configuration change. */
		SCHEDULE

	}

}
