package ch.mspguard.exceptions;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import ch.mspguard.checklist.Outcome;

/**
 * An exception as the API answers it: field names and order are the API's contract.
 *
 * @param id its id
 * @param state its state
 * @param tenantId the tenant
 * @param tenant the tenant's name
 * @param ruleId the rule
 * @param domain the domain, or {@code null}
 * @param category why it is accepted
 * @param reason the reason
 * @param compensatingControl the compensating control, or {@code null}
 * @param expiresOn the last day it covers
 * @param requestedBy who requested it
 * @param requestedAt when
 * @param decidedBy who approved or rejected it
 * @param decidedAt when
 * @param decisionComment the decision's comment
 * @param selfApproved whether the approver was the requester (allowed by setting)
 * @param revokedBy who revoked it
 * @param revokedAt when
 * @param revokeComment why
 * @param endedAt when it expired or turned to needs review
 * @param reviewReason what changed, for needs review
 * @param boundTo what the rule saw when it was granted
 */
record ExceptionBody(UUID id, ExceptionState state, UUID tenantId, String tenant, String ruleId, String domain,
		ExceptionCategory category, String reason, String compensatingControl, LocalDate expiresOn, String requestedBy,
		Instant requestedAt, String decidedBy, Instant decidedAt, String decisionComment, boolean selfApproved,
		String revokedBy, Instant revokedAt, String revokeComment, Instant endedAt, String reviewReason,
		Binding boundTo) {

	static ExceptionBody of(FindingException x) {
		return new ExceptionBody(x.id(), x.state(), x.tenantId(), x.tenantName(), x.ruleId(), x.domain(), x.category(),
				x.reason(), x.compensatingControl(), x.expiresOn(), x.requestedBy(), x.requestedAt(), x.decidedBy(),
				x.decidedAt(), x.decisionComment(), x.selfApproved(), x.revokedBy(), x.revokedAt(), x.revokeComment(),
				x.endedAt(), x.reviewReason(),
				(x.boundCatalogueVersion() != null) ? new Binding(x.boundCatalogueVersion(),
						x.bound()
							.stream()
							.map((b) -> new BoundBody(b.domain(), b.outcome(), b.key(), b.args()))
							.toList())
						: null);
	}

	record Binding(int catalogueVersion, List<BoundBody> findings) {
	}

	record BoundBody(String domain, Outcome outcome, String messageKey, List<String> values) {
	}

}
