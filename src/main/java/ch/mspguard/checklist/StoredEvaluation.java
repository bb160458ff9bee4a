package ch.mspguard.checklist;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The current evaluation of one tenant as stored, with what the reader may see of it.
 *
 * @param tenantId the tenant
 * @param tenantName its name
 * @param displayName its display name
 * @param gatewayId its gateway
 * @param gatewayName the gateway's name
 * @param evaluationId the evaluation, null when none exists yet
 * @param evaluatedAt when it ran
 * @param catalogueVersion against which catalogue
 * @param light the tenant's light
 * @param counts findings per outcome (gateway findings included)
 * @param worstRule the most severe failing rule, or null
 * @param gatewayFindings the gateway-scoped findings
 * @param findings the tenant's own tenant- and domain-scoped findings
 * @param gatewayDetails operator-only messages of the gateway findings by index (empty
 * for tenant admins)
 * @param details operator-only messages of the tenant's findings by index (empty for
 * tenant admins)
 */
public record StoredEvaluation(UUID tenantId, String tenantName, String displayName, UUID gatewayId, String gatewayName,
		UUID evaluationId, Instant evaluatedAt, Integer catalogueVersion, Light light, Map<Outcome, Integer> counts,
		String worstRule, List<StoredFinding> gatewayFindings, List<StoredFinding> findings,
		Map<Integer, Message> gatewayDetails, Map<Integer, Message> details) {

	public boolean isEvaluated() {
		return this.evaluationId != null;
	}

}
