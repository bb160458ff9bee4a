package ch.mspguard.gateway;

import java.util.Map;
import java.util.UUID;

/**
 * A gateway's configuration as a write just stored it, with the database ids of its
 * subjects: what an evaluation needs, without reading it back. (Row versions are not
 * included: they changed with the write.)
 *
 * @param id the gateway's id
 * @param snapshot the configuration
 * @param tenantIds tenant name to id, for every tenant of the snapshot
 * @param domainIds domain name to id, for every domain of the snapshot
 */
public record WrittenGateway(UUID id, GatewaySnapshot snapshot, Map<String, UUID> tenantIds,
		Map<String, UUID> domainIds) {

	public static WrittenGateway of(StoredGateway stored) {
		return new WrittenGateway(stored.id(), stored.snapshot(), stored.tenantIds(), stored.domainIds());
	}

}
