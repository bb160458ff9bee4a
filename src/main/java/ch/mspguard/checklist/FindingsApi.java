package ch.mspguard.checklist;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ch.mspguard.gateway.DataAge;
import com.fasterxml.jackson.annotation.JsonInclude;

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
			Map<String, Integer> counts, String worstRule, Instant evaluatedAt, UUID evaluationId,
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

	record FindingBody(String ruleId, Scope scope, String domain, Outcome outcome, String message, String remediation,
			@JsonInclude(JsonInclude.Include.NON_NULL) ExceptionRef exception) {

		static FindingBody of(RenderedFinding finding) {
			return new FindingBody(finding.ruleId(), finding.scope(), finding.domain(), finding.outcome(),
					finding.message(), finding.remediation(), ExceptionRef.of(finding.exception()));
		}

	}

	/** Issue 14: the exception that covers a finding. */
	record ExceptionRef(UUID id, String state, LocalDate expiresOn) {

		static ExceptionRef of(CoveredBy coveredBy) {
			return (coveredBy != null) ? new ExceptionRef(coveredBy.id(), coveredBy.state(), coveredBy.expiresOn())
					: null;
		}

	}

	/** Issue 14: the counts per outcome, and how many findings exceptions cover. */
	static Map<String, Integer> counts(Map<Outcome, Integer> counts, List<StoredFinding> findings) {
		Map<String, Integer> all = new LinkedHashMap<>();
		counts.forEach((outcome, count) -> all.put(outcome.name(), count));
		all.put("COVERED", (int) findings.stream().filter((finding) -> finding.exception() != null).count());
		return all;
	}

}
