package ch.mspguard.gateway;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.UnaryOperator;

import ch.mspguard.audit.AuditAction;
import ch.mspguard.audit.AuditLog;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports a snapshot as the full truth for its gateway: all or nothing, tenants and
 * domains no longer in it removed, the checklist re-evaluated before the transaction
 * commits.
 */
@Service
public class SnapshotImporter {

	private final StoredGatewayLoader loader;

	private final StoredGatewayWriter writer;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final ObjectProvider<TenantMembers> members;

	private final AuditLog audit;

	private final ConfigurationVersions versions;

	private final Clock clock;

	SnapshotImporter(StoredGatewayLoader loader, StoredGatewayWriter writer, JdbcClient jdbc,
			ApplicationEventPublisher events, ObjectProvider<TenantMembers> members, AuditLog audit,
			ConfigurationVersions versions, Clock clock) {
		this.loader = loader;
		this.versions = versions;
		this.writer = writer;
		this.jdbc = jdbc;
		this.events = events;
		this.members = members;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * @param source where the document came from, for the audit log (e.g. {@code api})
	 * @throws SnapshotInvalidException when a {@code <redacted>} header value has nothing
	 * stored to keep
	 */
	@Transactional
	public ImportResult importSnapshot(GatewaySnapshot incoming, String source) {
		String name = incoming.gateway().name();
		StoredGateway existing = lock(name);
		return write(existing, plan(existing, name, incoming), source, null);
	}

	/**
	 * Works out what importing would do without changing anything.
	 * @param gatewayName the gateway to import into
	 * @param incoming the configuration to import, given the stored one (or {@code null}
	 * for a new gateway); a source that does not carry every field can take the rest from
	 * it
	 * @throws SnapshotInvalidException when a {@code <redacted>} header value has nothing
	 * stored to keep
	 */
	@Transactional(readOnly = true)
	public ImportPlan plan(String gatewayName, UnaryOperator<GatewaySnapshot> incoming) {
		StoredGateway existing = this.loader.idByName(gatewayName).flatMap(this.loader::find).orElse(null);
		GatewaySnapshot before = (existing != null) ? existing.snapshot() : null;
		return plan(existing, gatewayName, incoming.apply(before));
	}

	/**
	 * Carries out a plan, provided the gateway is still as it was planned against.
	 * @param source the kind of import, for the audit log and the history
	 * @param origin where the data came from (file names, an endpoint), may be null
	 * @throws GatewayChangedException when the stored configuration changed since
	 */
	@Transactional
	public ImportResult apply(ImportPlan plan, String source, String origin) {
		StoredGateway existing = lock(plan.gatewayName());
		if (!Objects.equals((existing != null) ? existing.snapshot() : null, plan.before())) {
			throw new GatewayChangedException(plan.gatewayName());
		}
		return write(existing, plan, source, origin);
	}

	/**
	 * Records that the source confirmed the stored configuration, for a plan that changes
	 * nothing and is therefore not applied (a scheduled pull that found no change). Every
	 * import that is applied confirms the data by itself.
	 * @param source the kind of import
	 * @throws IllegalArgumentException when the plan changes something
	 * @throws GatewayChangedException when the stored configuration changed since
	 */
	@Transactional
	public void confirmUnchanged(ImportPlan plan, String source) {
		if (!plan.diff().isEmpty()) {
			throw new IllegalArgumentException("Only a plan without changes confirms the stored configuration");
		}
		StoredGateway existing = lock(plan.gatewayName());
		if (existing == null || !existing.snapshot().equals(plan.before())) {
			throw new GatewayChangedException(plan.gatewayName());
		}
		this.writer.confirm(existing.id(), source, this.clock.instant());
	}

	private StoredGateway lock(String name) {
		// Two imports of the same new gateway must not race to create it.
		this.jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(?))").param("gateway:" + name).query().singleRow();
		return this.loader.lockByName(name).flatMap(this.loader::find).orElse(null);
	}

	private ImportPlan plan(StoredGateway existing, String name, GatewaySnapshot incoming) {
		if (!name.equals(incoming.gateway().name())) {
			throw new IllegalArgumentException("The configuration is not the gateway " + name + "'s");
		}
		GatewaySnapshot resolved = keepStoredHeaderValues(incoming, existing);
		SnapshotDiff diff = SnapshotDiff.between((existing != null) ? existing.snapshot() : null, resolved);
		return new ImportPlan(name, (existing != null) ? existing.snapshot() : null, resolved, diff,
				usersLosingAccess(existing, diff));
	}

	private ImportResult write(StoredGateway existing, ImportPlan plan, String source, String origin) {
		WrittenGateway written = this.writer.write(existing, plan.after(), plan.diff());
		UUID gatewayId = written.id();
		Integer version = plan.diff().isEmpty() ? null : this.versions.record(gatewayId, plan.after(), source, origin);
		// Also when nothing changed: the source confirmed the data (issue 13, data age).
		this.writer.confirm(gatewayId, source, this.clock.instant());
		this.events.publishEvent(new GatewayConfigurationChanged(gatewayId, GatewayConfigurationChanged.How.IMPORT,
				written, plan.diff(), source, version));
		List<ImportResult.TenantRef> tenants = plan.after()
			.tenants()
			.stream()
			.map((tenant) -> new ImportResult.TenantRef(written.tenantIds().get(tenant.name()), tenant.name()))
			.toList();
		this.audit.record(AuditAction.SNAPSHOT_IMPORTED, plan.gatewayName(),
				summary(source, origin, plan.diff(), plan.usersWithoutTenant()));
		this.events.publishEvent(new SnapshotImported(gatewayId, plan.gatewayName(), source, origin, plan.diff(),
				plan.usersWithoutTenant()));
		return new ImportResult(gatewayId, plan.gatewayName(), tenants, plan.diff(), plan.usersWithoutTenant());
	}

	private List<String> usersLosingAccess(StoredGateway existing, SnapshotDiff diff) {
		if (existing == null || diff.removedTenants().isEmpty()) {
			return List.of();
		}
		TenantMembers tenantMembers = this.members.getIfAvailable();
		return (tenantMembers != null)
				? tenantMembers.usernamesOf(diff.removedTenants().stream().map(existing.tenantIds()::get).toList())
				: List.of();
	}

	/** Replaces header checks written as {@code <redacted>} with the stored ones. */
	private static GatewaySnapshot keepStoredHeaderValues(GatewaySnapshot incoming, StoredGateway existing) {
		Map<String, HeaderCheck> stored = new LinkedHashMap<>();
		if (existing != null) {
			existing.snapshot()
				.domains()
				.filter((domain) -> domain.headerCheck() != null)
				.forEach((domain) -> stored.put(domain.name(), domain.headerCheck()));
		}
		List<ValidationError> errors = new ArrayList<>();
		List<TenantConfig> tenants = new ArrayList<>();
		for (int t = 0; t < incoming.tenants().size(); t++) {
			TenantConfig tenant = incoming.tenants().get(t);
			List<DomainConfig> domains = new ArrayList<>();
			for (int d = 0; d < tenant.domains().size(); d++) {
				DomainConfig domain = tenant.domains().get(d);
				HeaderCheck check = domain.headerCheck();
				if (check != null && check.keepsStoredValue()) {
					HeaderCheck kept = stored.get(domain.name());
					if (kept == null) {
						errors.add(ValidationError.of("/tenants/" + t + "/domains/" + d + "/headerCheck",
								"headerCheck.nothingStored"));
						continue;
					}
					domain = domain
						.withHeaderCheck(new HeaderCheck(check.name(), kept.valueLength(), kept.valueHash()));
				}
				domains.add(domain);
			}
			tenants.add(tenant.withDomains(domains));
		}
		if (!errors.isEmpty()) {
			throw new SnapshotInvalidException(errors);
		}
		return new GatewaySnapshot(incoming.gateway(), tenants);
	}

	private static Map<String, Object> summary(String source, String origin, SnapshotDiff diff,
			List<String> losingAccess) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("source", source);
		if (origin != null) {
			details.put("origin", origin);
		}
		details.put("newGateway", diff.newGateway());
		details.put("tenantsAdded", diff.addedTenants().size());
		details.put("tenantsRemoved", diff.removedTenants());
		details.put("tenantsChanged", diff.changedTenants().size());
		details.put("domainsAdded", diff.addedDomains().size());
		details.put("domainsRemoved", diff.removedDomains().size());
		details.put("domainsChanged", diff.changedDomains().size());
		details.put("usersWithoutTenant", losingAccess);
		return details;
	}

}
