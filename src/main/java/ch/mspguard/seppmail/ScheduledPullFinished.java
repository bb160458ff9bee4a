package ch.mspguard.seppmail;

import java.util.List;
import java.util.UUID;

/**
 * Published in the transaction that records a scheduled pull's outcome when someone
 * should hear of it: the pull failed, or it found changes that wait for an operator's
 * review.
 *
 * @param gatewayId the gateway
 * @param gatewayName its name
 * @param failed whether the pull failed (else changes wait for review)
 * @param messageKey the status message key (seppmail bundle), as on the endpoint page
 * @param args its arguments
 */
public record ScheduledPullFinished(UUID gatewayId, String gatewayName, boolean failed, String messageKey,
		List<Object> args) {

}
