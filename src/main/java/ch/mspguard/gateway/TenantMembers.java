package ch.mspguard.gateway;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Tells which user accounts belong to tenants, so that an import removing a tenant can
 * say whose access it ends. Implemented where users live.
 */
public interface TenantMembers {

	List<String> usernamesOf(Collection<UUID> tenantIds);

}
