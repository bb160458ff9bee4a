package ch.mspguard.user;

import java.util.List;
import java.util.UUID;

import ch.mspguard.tenant.Role;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documented outcome of every combination of mapped claim values.
 */
class SsoDecisionTests {

	static final UUID ACME = UUID.randomUUID();

	static final UUID GLOBEX = UUID.randomUUID();

	@Test
	void noMappedValueIsDenied() {
		assertThat(SsoDecision.of(List.of())).isEqualTo(SsoDecision.denied("no-mapping"));
	}

	@Test
	void theMostPrivilegedMspRoleWins() {
		assertThat(SsoDecision.of(List.of(mapping(Role.AUDITOR, null), mapping(Role.OPERATOR, null))).role())
			.isEqualTo(Role.OPERATOR);
		assertThat(SsoDecision.of(List.of(mapping(Role.TENANT_ADMIN, ACME), mapping(Role.AUDITOR, null))))
			.isEqualTo(new SsoDecision(Role.AUDITOR, null, null));
	}

	@Test
	void aTenantAdminGetsTheOneTenantAndIsRefusedForTwo() {
		assertThat(SsoDecision.of(List.of(mapping(Role.TENANT_ADMIN, ACME), mapping(Role.TENANT_ADMIN, ACME))))
			.isEqualTo(new SsoDecision(Role.TENANT_ADMIN, ACME, null));
		assertThat(SsoDecision.of(List.of(mapping(Role.TENANT_ADMIN, ACME), mapping(Role.TENANT_ADMIN, GLOBEX))))
			.isEqualTo(SsoDecision.denied("several-tenants"));
	}

	private static SsoMapping mapping(Role role, UUID tenant) {
		return new SsoMapping("group-" + UUID.randomUUID(), role, tenant, "test");
	}

}
