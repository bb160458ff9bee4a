package ch.mspguard.checklist;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Published inside the transaction that stored an evaluation when at least one tenant's
 * light changed or a finding started failing, so that listeners (notifications) record
 * what to send in the same transaction. One event per evaluation, not per tenant: a
 * listener can write its rows in one batch.
 *
 * @param gatewayId the evaluated gateway
 * @param evaluationId the evaluation that was stored
 * @param at when it was evaluated
 * @param trigger what made the checklist evaluate it
 * @param changes one entry per tenant whose light changed or that has new failures
 */
public record LightsChanged(UUID gatewayId, UUID evaluationId, Instant at, EvaluationTrigger trigger,
		List<TenantChange> changes) {

	/**
	 * @param tenantId the tenant
	 * @param tenant its name
	 * @param before its light before, or {@code null} at its first evaluation
	 * @param after its light now
	 * @param causes why, as recorded in the tenant's light history
	 * @param newFailures findings that fail now and did not fail in the evaluation before
	 * (empty at the tenant's first evaluation)
	 */
	public record TenantChange(UUID tenantId, String tenant, Light before, Light after, List<Cause> causes,
			List<NewFailure> newFailures) {

		public boolean lightChanged() {
			return this.before != this.after;
		}

		public boolean worsened() {
			return this.before != null && this.after.compareTo(this.before) > 0;
		}

	}

	/**
	 * @param ruleId the rule
	 * @param domain the domain for domain findings, else {@code null}
	 */
	public record NewFailure(String ruleId, String domain) {
	}

}
