package ch.mspguard.gateway;

import java.util.UUID;

/**
 * Published inside the transaction that changed a gateway's configuration, so that
 * listeners (the checklist) bring derived state up to date before it commits.
 *
 * @param gatewayId the gateway
 * @param how what changed it
 * @param written the configuration as just written, with the ids of its tenants and
 * domains, so that listeners need not read it back
 * @param diff what changed (empty for an import that confirmed the stored configuration)
 * @param source how: {@code edit}, or the kind of import ({@code api}, {@code upload},
 * {@code seppmail-pull}, …)
 * @param version the configuration version the change stored, or {@code null} when
 * nothing changed
 */
public record GatewayConfigurationChanged(UUID gatewayId, How how, WrittenGateway written, SnapshotDiff diff,
		String source, Integer version) {

	/** The kinds of change. */
	public enum How {

		IMPORT, EDIT

	}

}
