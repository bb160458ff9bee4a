package ch.mspguard.gateway;

import java.util.UUID;

/**
 * Published inside the transaction that changed a gateway's configuration, so that
 * listeners (the checklist) bring derived state up to date before it commits.
 *
 * @param gatewayId the gateway
 * @param trigger what changed it: {@code IMPORT} or {@code EDIT}
 */
public record GatewayConfigurationChanged(UUID gatewayId, String trigger) {

	public static final String IMPORT = "IMPORT";

	public static final String EDIT = "EDIT";

}
