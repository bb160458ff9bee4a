package ch.mspguard.checklist;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import ch.mspguard.gateway.GatewayConfigurationChanged;
import ch.mspguard.gateway.SnapshotDiff;
import ch.mspguard.gateway.SnapshotDiff.FieldChange;

/**
 * The causes that a configuration change gives a tenant: every change of the gateway's
 * settings, of the tenant's own fields and of its domains, field by field, and one
 * anonymous cause when another tenant's configuration changed (it may decide this
 * tenant's light through RELAY-ISOLATION, but is never named).
 */
final class ConfigurationCauses implements TenantCauses {

	private final SnapshotDiff diff;

	private final String actor;

	private final String via;

	ConfigurationCauses(GatewayConfigurationChanged change, String actor) {
		this.diff = change.diff();
		this.actor = actor;
		this.via = change.source();
	}

	@Override
	public List<Cause> of(UUID tenantId, String tenant) {
		if (this.diff.newGateway() || this.diff.addedTenants().contains(tenant)) {
			// A tenant's first evaluation: its whole configuration is new, none of it a
			// cause.
			return List.of();
		}
		List<Cause> causes = new ArrayList<>();
		this.diff.gatewayChanges().forEach((change) -> causes.add(cause(null, null, change)));
		this.diff.changedTenants()
			.stream()
			.filter((change) -> change.tenant().equals(tenant))
			.forEach((change) -> change.changes().forEach((field) -> causes.add(cause(tenantId, tenant, field))));
		this.diff.addedDomains()
			.stream()
			.filter((ref) -> ref.tenant().equals(tenant))
			.forEach((ref) -> causes.add(cause(tenantId, ref.domain(), new FieldChange("domain", null, ref.domain()))));
		this.diff.removedDomains()
			.stream()
			.filter((ref) -> ref.tenant().equals(tenant))
			.forEach((ref) -> causes.add(cause(tenantId, ref.domain(), new FieldChange("domain", ref.domain(), null))));
		boolean others = false;
		for (SnapshotDiff.DomainChange change : this.diff.changedDomains()) {
			for (FieldChange field : change.changes()) {
				if (field.field().equals("tenant")) {
					// A move names the other tenant: record it as the domain coming or
					// going.
					if (tenant.equals(field.after())) {
						causes.add(cause(tenantId, change.domain(), new FieldChange("domain", null, change.domain())));
					}
					else if (tenant.equals(field.before())) {
						causes.add(cause(tenantId, change.domain(), new FieldChange("domain", change.domain(), null)));
					}
					else {
						others = true;
					}
				}
				else if (change.tenant().equals(tenant)) {
					causes.add(cause(tenantId, change.domain(), field));
				}
				else {
					others = true;
				}
			}
		}
		others = others || this.diff.addedTenants().stream().anyMatch((name) -> !name.equals(tenant))
				|| !this.diff.removedTenants().isEmpty()
				|| this.diff.changedTenants().stream().anyMatch((change) -> !change.tenant().equals(tenant))
				|| this.diff.addedDomains().stream().anyMatch((ref) -> !ref.tenant().equals(tenant))
				|| this.diff.removedDomains().stream().anyMatch((ref) -> !ref.tenant().equals(tenant));
		if (others) {
			causes.add(new Cause(Cause.Kind.OTHER_TENANT, tenantId, null, null, null, null, this.actor, this.via));
		}
		return causes;
	}

	private Cause cause(UUID tenantId, String subject, FieldChange change) {
		return new Cause(Cause.Kind.CONFIGURATION, tenantId, subject, change.field(), change.before(), change.after(),
				this.actor, this.via);
	}

}
