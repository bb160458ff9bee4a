package ch.mspguard.exceptions;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Published synchronously inside the transaction that changes an exception (and once a
 * day for each active exception close to its expiry), so that listeners such as the
 * notification outbox write in the same transaction: nothing is announced for a change
 * that was rolled back.
 *
 * @param exceptionId the exception
 * @param tenantId its tenant
 * @param tenantName the tenant's name
 * @param gatewayId the tenant's gateway
 * @param ruleId the rule
 * @param domain the domain, or {@code null}
 * @param change what happened
 * @param state the exception's state afterwards
 * @param actor who did it ({@code system} for lapses, reviews and reminders)
 * @param expiresOn the last day it covers
 * @param reviewReason what changed, for {@link Change#NEEDS_REVIEW}; otherwise
 * {@code null}
 * @param at when
 */
public record ExceptionChanged(UUID exceptionId, UUID tenantId, String tenantName, UUID gatewayId, String ruleId,
		String domain, Change change, ExceptionState state, String actor, LocalDate expiresOn, String reviewReason,
		Instant at) {

	/** The kinds of change others are told about. */
	public enum Change {

		REQUESTED, APPROVED, REJECTED,

		/** Active and expiring within {@link ExceptionReminders#DAYS} days. */
		EXPIRING,

		/** Its expiry passed. */
		LAPSED,

		/** What the rule sees changed since it was granted; it no longer covers. */
		NEEDS_REVIEW

	}

	static ExceptionChanged of(FindingException exception, Change change, String actor, Instant at) {
		return new ExceptionChanged(exception.id(), exception.tenantId(), exception.tenantName(), exception.gatewayId(),
				exception.ruleId(), exception.domain(), change, exception.state(), actor, exception.expiresOn(),
				(change == Change.NEEDS_REVIEW) ? exception.reviewReason() : null, at);
	}

}
