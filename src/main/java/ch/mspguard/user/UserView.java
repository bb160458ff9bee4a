package ch.mspguard.user;

import java.time.Instant;
import java.util.UUID;

import ch.mspguard.tenant.Role;

/**
 * A user account as the users page and API show it, never with its password hash.
 */
public record UserView(UUID id, String username, Role role, UUID tenantId, boolean enabled, Instant createdAt,
		boolean secondFactor) {

}
