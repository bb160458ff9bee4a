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
 * @param versions row version by tenant or domain id, for optimistic locking of edits
 */
public record StoredGateway(UUID id, long version, GatewaySnapshot snapshot, Map<String, UUID> tenantIds,
		Map<String, UUID> domainIds, Map<UUID, Long> versions) {

	public String name() {
		return this.snapshot.gateway().name();
	}

}
