package ch.mspguard.gateway;

import java.io.Serializable;
import java.util.List;

/**
 * What importing a configuration into a gateway would do, worked out without changing
 * anything: the configuration stored now, the one that would be stored, the diff between
 * them and whose access would end.
 *
 * @param gatewayName the gateway
 * @param before the stored configuration, or {@code null} for a new gateway
 * @param after the configuration to store, with {@code <redacted>} header values resolved
 * @param diff what changes
 * @param usersWithoutTenant accounts of tenants that would be removed
 */
public record ImportPlan(String gatewayName, GatewaySnapshot before, GatewaySnapshot after, SnapshotDiff diff,
		List<String> usersWithoutTenant) implements Serializable {

	public ImportPlan {
		usersWithoutTenant = List.copyOf(usersWithoutTenant);
	}

}
