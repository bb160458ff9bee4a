package ch.mspguard.checklist;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The current evaluation of a gateway's own, gateway-scoped findings.
 *
 * @param gatewayId the gateway
 * @param gatewayName its name
 * @param evaluationId the evaluation, null when none exists yet
 * @param evaluatedAt when it ran
 * @param catalogueVersion against which catalogue
 * @param light the gateway's light
 * @param findings the gateway-scoped findings
 * @param details operator-only messages by index (empty for tenant admins)
 */
public record StoredGatewayEvaluation(UUID gatewayId, String gatewayName, UUID evaluationId, Instant evaluatedAt,
		Integer catalogueVersion, Light light, List<StoredFinding> findings, Map<Integer, Message> details) {

}
