package ch.mspguard.user;

import java.util.UUID;

import ch.mspguard.tenant.Role;

/**
 * A row of the mapping table as the page shows it.
 *
 * @param id the mapping
 * @param claimValue the claim value
 * @param role the role it grants
 * @param tenant the tenant's name and gateway, for tenant admins
 */
public record SsoMappingView(UUID id, String claimValue, Role role, String tenant) {

}
