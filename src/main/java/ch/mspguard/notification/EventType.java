package ch.mspguard.notification;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of event that can be subscribed to. New kinds (exceptions, staleness) are
 * added here with their wire name; the wire name is what webhooks receive as {@code type}
 * and must never change once released.
 */
public enum EventType {

	/** A tenant's light got worse. */
	LIGHT_WORSENED("light.worsened", true),

	/** A tenant's light got better. */
	LIGHT_IMPROVED("light.improved", true),

	/** A finding fails that did not fail in the evaluation before. */
	FINDING_FAILED("finding.failed", true),

	/** A scheduled SEPPmail pull failed. */
	PULL_FAILED("pull.failed", false),

	/** A scheduled SEPPmail pull found changes that wait for an operator's review. */
	PULL_CHANGES_WAITING("pull.changes-waiting", false),

	/** An import changed a gateway's configuration. */
	IMPORT_APPLIED("import.applied", false),

	/** An exception was requested for a tenant. */
	EXCEPTION_REQUESTED("exception.requested", true),

	/** An exception was approved and covers its findings now. */
	EXCEPTION_APPROVED("exception.approved", true),

	/** An exception request was rejected. */
	EXCEPTION_REJECTED("exception.rejected", true),

	/** An active exception expires within 14 days (sent once per exception). */
	EXCEPTION_EXPIRING("exception.expiring", true),

	/** An exception's expiry passed; its findings count again. */
	EXCEPTION_LAPSED("exception.lapsed", true),

	/**
	 * What an exception was granted for changed; it no longer covers and needs review.
	 */
	EXCEPTION_NEEDS_REVIEW("exception.needs-review", true),

	/**
	 * A gateway's data turned stale (sent once per stale period). Written once for the
	 * gateway and once for each of its tenants: subscriptions without a tenant selection
	 * get the gateway's, tenant subscriptions (and tenant admins) their tenant's, which
	 * names no other tenant.
	 */
	GATEWAY_STALE("gateway.stale", true),

	/** A message an operator sent to try a channel. */
	TEST("test", false);

	private final String wireName;

	private final boolean aboutTenant;

	EventType(String wireName, boolean aboutTenant) {
		this.wireName = wireName;
		this.aboutTenant = aboutTenant;
	}

	/** The name in webhook payloads. */
	public String wireName() {
		return this.wireName;
	}

	/**
	 * Whether events of this kind concern one tenant (and may go to its tenant admin).
	 */
	public boolean aboutTenant() {
		return this.aboutTenant;
	}

	/**
	 * Whether an event of this kind is written once for a gateway and once more for each
	 * of its tenants.
	 */
	boolean gatewayWide() {
		return this == GATEWAY_STALE;
	}

	/** The kinds a subscription can choose. */
	static EventType[] subscribable() {
		return Arrays.stream(values()).filter((type) -> type != TEST).toArray(EventType[]::new);
	}

	static Optional<EventType> of(String name) {
		return Arrays.stream(values()).filter((type) -> type.name().equals(name.toUpperCase(Locale.ROOT))).findFirst();
	}

}
