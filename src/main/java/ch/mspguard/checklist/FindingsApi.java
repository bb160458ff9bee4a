package ch.mspguard.checklist;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ch.mspguard.gateway.DataAge;

/**
 * The findings API's answers, as JSON documents: field names and order are the API's
 * contract.
 */
final class FindingsApi {

	private FindingsApi() {
	}

	record RuleBody(String id, int version, Scope scope, Severity severity, String source, String title,
			String rationale, String remediation) {
	}

	record TenantSummary(UUID id, String name, String displayName, String gateway, UUID gatewayId, Light status,
			Map<Outcome, Integer> counts, String worstRule, Instant evaluatedAt, boolean stale, Instant dataConfirmedAt,
			String dataConfirmedBy, Instant staleSince) {

		static TenantSummary of(StoredEvaluation evaluation, DataAge age) {
			return new TenantSummary(evaluation.tenantId(), evaluation.tenantName(), evaluation.displayName(),
					evaluation.gatewayName(), evaluation.gatewayId(), evaluation.light(), evaluation.counts(),
					evaluation.worstRule(), evaluation.evaluatedAt(), age.stale(), age.confirmedAt(), age.confirmedBy(),
					age.staleSince());
		}

	}

	record TenantBody(UUID id, String name, String displayName, String gateway, UUID gatewayId, Light status,
			Map<Outcome, Integer> counts, String worstRule, Instant evaluatedAt, UUID evaluationId,
			Integer catalogueVersion, boolean stale, Instant dataConfirmedAt, String dataConfirmedBy,
			Instant staleSince, List<FindingBody> findings) {
	}

	record GatewaySummary(UUID id, String name, Light status, Instant evaluatedAt, boolean stale,
			Instant dataConfirmedAt, String dataConfirmedBy, Instant staleSince) {
	}

	record GatewayBody(UUID id, String name, Light status, Instant evaluatedAt, UUID evaluationId,
			Integer catalogueVersion, boolean stale, Instant dataConfirmedAt, String dataConfirmedBy,
			Instant staleSince, List<FindingBody> findings) {
	}

	record FindingBody(String ruleId, Scope scope, String domain, Outcome outcome, String message, String remediation) {

		static FindingBody of(RenderedFinding finding) {
			return new FindingBody(finding.ruleId(), finding.scope(), finding.domain(), finding.outcome(),
					finding.message(), finding.remediation());
		}

	}

}
