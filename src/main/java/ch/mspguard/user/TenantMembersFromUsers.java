package ch.mspguard.user;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import ch.mspguard.gateway.TenantMembers;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
class TenantMembersFromUsers implements TenantMembers {

	private final UserAccountRepository users;

	TenantMembersFromUsers(UserAccountRepository users) {
		this.users = users;
	}

	@Override
	@Transactional(readOnly = true)
	public List<String> usernamesOf(Collection<UUID> tenantIds) {
		return tenantIds.isEmpty() ? List.of() : this.users.findUsernamesByTenantIdIn(tenantIds);
	}

}
