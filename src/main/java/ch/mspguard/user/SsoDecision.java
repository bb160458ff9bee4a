package ch.mspguard.user;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

import ch.mspguard.tenant.Role;

/**
 * What the mapped values of one sign-in grant. Deny by default: no mapped value, no
 * access. MSP staff get the most privileged of their roles (operator before auditor), and
 * an MSP role wins over tenant mappings; a tenant admin has exactly one tenant, so values
 * mapped to two tenants are refused rather than guessed between.
 *
 * @param role the role, null when denied
 * @param tenantId the tenant of a tenant admin
 * @param denial why access is denied ({@code no-mapping}, {@code several-tenants}), null
 * when granted
 */
record SsoDecision(Role role, UUID tenantId, String denial) {

	static SsoDecision of(List<SsoMapping> matched) {
		for (Role msp : List.of(Role.OPERATOR, Role.AUDITOR)) {
			if (matched.stream().anyMatch((mapping) -> mapping.getRole() == msp)) {
				return new SsoDecision(msp, null, null);
			}
		}
		List<UUID> tenants = matched.stream().map(SsoMapping::getTenantId).distinct().toList();
		if (tenants.isEmpty()) {
			return denied("no-mapping");
		}
		if (tenants.size() > 1) {
			return denied("several-tenants");
		}
		return new SsoDecision(Role.TENANT_ADMIN, tenants.get(0), null);
	}

	static SsoDecision denied(String reason) {
		return new SsoDecision(null, null, reason);
	}

	boolean granted() {
		return this.denial == null;
	}

	/** Whether this grants exactly the given role and tenant. */
	boolean grants(Role role, UUID tenantId) {
		return granted() && this.role == role && Objects.equals(this.tenantId, tenantId);
	}

}
