package ch.mspguard.gateway;

import java.util.Map;
import java.util.UUID;

/**
 * A gateway's configuration as stored, with the database ids of its subjects.
 *
 * @param id the gateway's id
 * @param version the gateway row's version
 * @param snapshot the configuration
 * @param tenantIds tenant name to id
 * @param domainIds domain name to id
 */
public record StoredGateway(UUID id, long version, GatewaySnapshot snapshot, Map<String, UUID> tenantIds,
		Map<String, UUID> domainIds) {

	public String name() {
		return this.snapshot.gateway().name();
	}

}
