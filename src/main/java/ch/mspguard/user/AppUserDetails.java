package ch.mspguard.user;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import ch.mspguard.tenant.Actor;
import ch.mspguard.tenant.Role;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The logged-in user as Spring Security keeps it. A tenant admin's tenant travels as an
 * authority, so that every module reads it through {@link Actor} without knowing this
 * class.
 */
record AppUserDetails(UUID id, String username, String password, Role role, UUID tenantId, boolean enabled,
		boolean secondFactor) implements UserDetails {

	/** Marks accounts with a second factor, which the password-only API refuses. */
	static final String SECOND_FACTOR_AUTHORITY = "SECOND_FACTOR_ENABLED";

	static AppUserDetails of(UserAccount account) {
		// A tenant admin whose tenant was removed cannot log in until an operator assigns
		// one.
		boolean usable = account.isEnabled()
				&& (account.getRole() != Role.TENANT_ADMIN || account.getTenantId() != null);
		return new AppUserDetails(account.getId(), account.getUsername(), account.getPasswordHash(), account.getRole(),
				account.getTenantId(), usable, account.hasSecondFactor());
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		List<GrantedAuthority> authorities = new ArrayList<>();
		authorities.add(new SimpleGrantedAuthority(this.role.authority()));
		if (this.tenantId != null) {
			authorities.add(new SimpleGrantedAuthority(Actor.TENANT_AUTHORITY_PREFIX + this.tenantId));
		}
		if (this.secondFactor) {
			authorities.add(new SimpleGrantedAuthority(SECOND_FACTOR_AUTHORITY));
		}
		return authorities;
	}

	@Override
	public String getPassword() {
		return this.password;
	}

	@Override
	public String getUsername() {
		return this.username;
	}

	@Override
	public boolean isEnabled() {
		return this.enabled;
	}

	@Override
	public String toString() {
		return "AppUserDetails[" + this.username + ", " + this.role + "]";
	}

}
