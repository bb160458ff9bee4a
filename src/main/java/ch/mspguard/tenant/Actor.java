package ch.mspguard.tenant;

import java.util.Optional;
import java.util.UUID;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Whoever the current thread acts for, read from the security context's authorities so
 * that every module (and the database connection) can ask without knowing how users are
 * stored.
 *
 * @param name the user name (or the name of the background task)
 * @param role the role
 * @param tenantId the tenant of a tenant admin, else {@code null}
 */
public record Actor(String name, Role role, UUID tenantId) {

	/** Authority prefix carrying a tenant admin's tenant id. */
	public static final String TENANT_AUTHORITY_PREFIX = "TENANT_";

	/** The actor of the current thread, empty when nobody is authenticated. */
	public static Optional<Actor> current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken) {
			return Optional.empty();
		}
		Role role = null;
		UUID tenantId = null;
		for (GrantedAuthority granted : authentication.getAuthorities()) {
			String authority = granted.getAuthority();
			for (Role candidate : Role.values()) {
				if (candidate.authority().equals(authority)) {
					role = candidate;
				}
			}
			if (authority != null && authority.startsWith(TENANT_AUTHORITY_PREFIX)) {
				tenantId = UUID.fromString(authority.substring(TENANT_AUTHORITY_PREFIX.length()));
			}
		}
		return (role != null) ? Optional.of(new Actor(authentication.getName(), role, tenantId)) : Optional.empty();
	}

	/** The actor of the current thread; fails when nobody is authenticated. */
	public static Actor require() {
		return current().orElseThrow(() -> new IllegalStateException("No authenticated actor"));
	}

	/** Operators, auditors and background work see every tenant. */
	public boolean seesAllTenants() {
		return this.role != Role.TENANT_ADMIN;
	}

	/** Whether this actor may see the given tenant. */
	public boolean maySee(UUID tenant) {
		return seesAllTenants() || (this.tenantId != null && this.tenantId.equals(tenant));
	}

}
