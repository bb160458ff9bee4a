package ch.mspguard.exceptions;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An exception as stored.
 *
 * @param id its id
 * @param tenantId the tenant
 * @param tenantName the tenant's name
 * @param gatewayId the tenant's gateway
 * @param ruleId the rule
 * @param domain the domain, or {@code null} for a tenant rule or all of the tenant's
 * domains
 * @param category why it is accepted
 * @param reason the reason in the requester's words
 * @param compensatingControl the compensating control, or {@code null}
 * @param expiresOn the last day it covers
 * @param state its state
 * @param requestedBy who requested it
 * @param requestedAt when
 * @param decidedBy who approved or rejected it, or {@code null}
 * @param decidedAt when
 * @param decisionComment the approver's comment
 * @param selfApproved whether the approver was the requester (allowed by setting)
 * @param revokedBy who revoked it, or {@code null}
 * @param revokedAt when
 * @param revokeComment why
 * @param endedAt when it expired or turned to needs review
 * @param reviewReason what changed, for needs review
 * @param boundCatalogueVersion the catalogue version it is bound to
 * @param bound the findings it is bound to
 */
public record FindingException(UUID id, UUID tenantId, String tenantName, UUID gatewayId, String ruleId, String domain,
		ExceptionCategory category, String reason, String compensatingControl, LocalDate expiresOn,
		ExceptionState state, String requestedBy, Instant requestedAt, String decidedBy, Instant decidedAt,
		String decisionComment, boolean selfApproved, String revokedBy, Instant revokedAt, String revokeComment,
		Instant endedAt, String reviewReason, Integer boundCatalogueVersion, List<BoundFinding> bound) {

	/** The light history's subject: the rule, and the domain if there is one. */
	public String subject() {
		return (this.domain != null) ? this.ruleId + " " + this.domain : this.ruleId;
	}

	/** Whether it is active and expires within the given days of today. */
	public boolean expiresWithin(LocalDate today, int days) {
		return this.state == ExceptionState.ACTIVE && !this.expiresOn.isAfter(today.plusDays(days));
	}

}
