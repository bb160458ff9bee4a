package ch.mspguard.checklist;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Why an evaluation happened, as the causes it gives each tenant. */
@FunctionalInterface
interface TenantCauses {

	TenantCauses NONE = (tenantId, tenant) -> List.of();

	List<Cause> of(UUID tenantId, String tenant);

	/** Causes given to every tenant, or to the one they name. */
	static TenantCauses of(List<Cause> causes) {
		return (tenantId, tenant) -> causes.stream()
			.filter((cause) -> cause.tenantId() == null || cause.tenantId().equals(tenantId))
			.toList();
	}

	default TenantCauses and(TenantCauses more) {
		return (tenantId, tenant) -> {
			List<Cause> all = new ArrayList<>(of(tenantId, tenant));
			all.addAll(more.of(tenantId, tenant));
			return all;
		};
	}

}
