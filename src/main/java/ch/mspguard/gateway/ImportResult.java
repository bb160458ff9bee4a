package ch.mspguard.gateway;

import java.util.List;
import java.util.UUID;

/**
 * What an import did.
 *
 * @param gatewayId the gateway's id
 * @param gatewayName the gateway's name
 * @param tenants the gateway's tenants after the import, by name
 * @param diff what changed
 * @param usersWithoutTenant accounts of removed tenants, which lost their access
 */
public record ImportResult(UUID gatewayId, String gatewayName, List<TenantRef> tenants, SnapshotDiff diff,
		List<String> usersWithoutTenant) {

	public record TenantRef(UUID id, String name) {
	}

}
