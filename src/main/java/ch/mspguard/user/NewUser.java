package ch.mspguard.user;

import java.util.UUID;

/**
 * A user to create, as the API and the users page take it.
 *
 * @param username the login name
 * @param password the initial password
 * @param role {@code OPERATOR}, {@code AUDITOR} or {@code TENANT_ADMIN}
 * @param tenantId the tenant of a tenant admin, else null
 */
public record NewUser(String username, String password, String role, UUID tenantId) {

}
