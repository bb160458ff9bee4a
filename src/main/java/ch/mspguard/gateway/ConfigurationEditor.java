package ch.mspguard.gateway;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.UnaryOperator;

import ch.mspguard.audit.AuditAction;
import ch.mspguard.audit.AuditLog;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Edits from the dashboard's forms. Each edit locks the gateway, checks the version the
 * form was loaded with, and goes through the same diff and writer as an import, so that
 * the audit log gets before and after values and the checklist re-evaluates the gateway.
 */
@Service
public class ConfigurationEditor {

	private final StoredGatewayLoader loader;

	private final StoredGatewayWriter writer;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	/** The source of an operator's edit, in configuration versions and light causes. */
	public static final String EDIT = "edit";

	private final AuditLog audit;

	private final ConfigurationVersions versions;

	ConfigurationEditor(StoredGatewayLoader loader, StoredGatewayWriter writer, JdbcClient jdbc,
			ApplicationEventPublisher events, AuditLog audit, ConfigurationVersions versions) {
		this.loader = loader;
		this.versions = versions;
		this.writer = writer;
		this.jdbc = jdbc;
		this.events = events;
		this.audit = audit;
	}

	/**
	 * @throws ConcurrentEditException when the domain changed since
	 * {@code expectedVersion}
	 * @throws NotFoundException when the tenant has no such domain
	 */
	@Transactional
	public SnapshotDiff editDomain(UUID tenantId, UUID domainId, long expectedVersion, DomainConfig updated) {
		return change(gatewayOfTenant(tenantId), AuditAction.DOMAIN_CHANGED, (stored) -> {
			DomainConfig current = domain(stored, tenantId, domainId);
			long version = stored.versions().get(domainId);
			if (version != expectedVersion) {
				throw new ConcurrentEditException(current, version);
			}
			return replaceDomains(stored, tenantId,
					(domains) -> domains.stream()
						.map((domain) -> domain.name().equals(current.name())
								? updated.keepingApplianceDetailsOf(current).withName(current.name()) : domain)
						.toList());
		});
	}

	@Transactional
	public SnapshotDiff createDomain(UUID tenantId, DomainConfig domain) {
		return change(gatewayOfTenant(tenantId), AuditAction.DOMAIN_CREATED, (stored) -> {
			if (stored.domainIds().containsKey(domain.name())) {
				throw new InvalidEditException(List.of(ValidationError.of("/name", "domain.exists", domain.name())));
			}
			return replaceDomains(stored, tenantId, (domains) -> {
				List<DomainConfig> result = new ArrayList<>(domains);
				result.add(domain);
				return result;
			});
		});
	}

	@Transactional
	public SnapshotDiff deleteDomain(UUID tenantId, UUID domainId) {
		return change(gatewayOfTenant(tenantId), AuditAction.DOMAIN_DELETED, (stored) -> {
			DomainConfig current = domain(stored, tenantId, domainId);
			return replaceDomains(stored, tenantId,
					(domains) -> domains.stream().filter((domain) -> !domain.name().equals(current.name())).toList());
		});
	}

	/**
	 * Changes a tenant's own fields and its attestation details.
	 * @throws ConcurrentEditException when the tenant changed since
	 * {@code expectedVersion}
	 */
	@Transactional
	public SnapshotDiff editTenant(UUID tenantId, long expectedVersion, TenantConfig fields,
			TenantAttestation attestation) {
		UUID gatewayId = gatewayOfTenant(tenantId);
		TenantAttestation before = attestation(tenantId);
		SnapshotDiff diff = change(gatewayId, AuditAction.TENANT_CHANGED, (stored) -> {
			TenantConfig current = tenant(stored, tenantId);
			long version = stored.versions().get(tenantId);
			if (version != expectedVersion) {
				throw new ConcurrentEditException(current, version);
			}
			return new GatewaySnapshot(stored.snapshot().gateway(), stored.snapshot()
				.tenants()
				.stream()
				.map((tenant) -> tenant.name().equals(current.name()) ? current.withSettings(fields.displayName(),
						fields.adminEmail(), fields.mailServerTls(), fields.vpnTunnel()) : tenant)
				.toList());
		});
		if (!Objects.equals(before, attestation)) {
			this.jdbc.sql("""
					UPDATE tenant SET mail_server_tls_attested_by = ?, mail_server_tls_attested_on = ?,
					       mail_server_tls_evidence = ?, version = version + 1 WHERE id = ?""")
				.params(attestation.attestedBy(), attestation.attestedOn(), attestation.evidence(), tenantId)
				.update();
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("before", String.valueOf(before));
			details.put("after", String.valueOf(attestation));
			this.audit.record(AuditAction.TENANT_ATTESTATION_CHANGED, tenantId.toString(), details);
		}
		return diff;
	}

	@Transactional
	public SnapshotDiff createTenant(UUID gatewayId, TenantConfig tenant) {
		return change(gatewayId, AuditAction.TENANT_CREATED, (stored) -> {
			if (stored.tenantIds().keySet().stream().anyMatch((name) -> name.equalsIgnoreCase(tenant.name()))) {
				throw new InvalidEditException(List.of(ValidationError.of("/name", "tenant.exists", tenant.name())));
			}
			List<ValidationError> taken = tenant.domains()
				.stream()
				.filter((domain) -> stored.domainIds().containsKey(domain.name()))
				.map((domain) -> ValidationError.of("/domains", "domain.exists", domain.name()))
				.toList();
			if (!taken.isEmpty()) {
				throw new InvalidEditException(taken);
			}
			List<TenantConfig> tenants = new ArrayList<>(stored.snapshot().tenants());
			tenants.add(tenant);
			return new GatewaySnapshot(stored.snapshot().gateway(), tenants);
		});
	}

	@Transactional
	public SnapshotDiff deleteTenant(UUID tenantId) {
		return change(gatewayOfTenant(tenantId), AuditAction.TENANT_DELETED, (stored) -> {
			TenantConfig current = tenant(stored, tenantId);
			return new GatewaySnapshot(stored.snapshot().gateway(),
					stored.snapshot()
						.tenants()
						.stream()
						.filter((tenant) -> !tenant.name().equals(current.name()))
						.toList());
		});
	}

	/**
	 * @throws ConcurrentEditException when the gateway changed since
	 * {@code expectedVersion}
	 */
	@Transactional
	public SnapshotDiff editGateway(UUID gatewayId, long expectedVersion, GatewaySettings settings) {
		return change(gatewayId, AuditAction.GATEWAY_CHANGED, (stored) -> {
			if (stored.version() != expectedVersion) {
				throw new ConcurrentEditException(stored.snapshot().gateway(), stored.version());
			}
			return new GatewaySnapshot(settings.withName(stored.name()), stored.snapshot().tenants());
		});
	}

	/** The attestation details of a tenant. */
	@Transactional(readOnly = true)
	public TenantAttestation attestation(UUID tenantId) {
		return this.jdbc.sql("""
				SELECT mail_server_tls_attested_by, mail_server_tls_attested_on, mail_server_tls_evidence
				FROM tenant WHERE id = ?""")
			.param(tenantId)
			.query((rs, row) -> new TenantAttestation(rs.getString(1),
					(rs.getDate(2) != null) ? rs.getDate(2).toLocalDate() : null, rs.getString(3)))
			.optional()
			.orElseThrow(() -> new NotFoundException("tenant " + tenantId));
	}

	private interface Change {

		GatewaySnapshot apply(StoredGateway stored);

	}

	private SnapshotDiff change(UUID gatewayId, AuditAction action, Change change) {
		if (!this.loader.lock(gatewayId)) {
			throw new NotFoundException("gateway " + gatewayId);
		}
		StoredGateway stored = this.loader.find(gatewayId).orElseThrow();
		GatewaySnapshot updated = change.apply(stored);
		SnapshotDiff diff = SnapshotDiff.between(stored.snapshot(), updated);
		if (diff.isEmpty()) {
			return diff;
		}
		WrittenGateway written = this.writer.write(stored, updated, diff);
		int version = this.versions.record(gatewayId, updated, EDIT, null);
		this.events.publishEvent(new GatewayConfigurationChanged(gatewayId, GatewayConfigurationChanged.How.EDIT,
				written, diff, EDIT, version));
		this.audit.record(action, stored.name(), Map.of("changes", EditAudit.describe(diff)));
		return diff;
	}

	private UUID gatewayOfTenant(UUID tenantId) {
		return this.jdbc.sql("SELECT gateway_id FROM tenant WHERE id = ?")
			.param(tenantId)
			.query(UUID.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("tenant " + tenantId));
	}

	private static TenantConfig tenant(StoredGateway stored, UUID tenantId) {
		return stored.snapshot()
			.tenants()
			.stream()
			.filter((tenant) -> tenantId.equals(stored.tenantIds().get(tenant.name())))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("tenant " + tenantId));
	}

	private static DomainConfig domain(StoredGateway stored, UUID tenantId, UUID domainId) {
		return tenant(stored, tenantId).domains()
			.stream()
			.filter((domain) -> domainId.equals(stored.domainIds().get(domain.name())))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("domain " + domainId));
	}

	private static GatewaySnapshot replaceDomains(StoredGateway stored, UUID tenantId,
			UnaryOperator<List<DomainConfig>> replace) {
		TenantConfig target = tenant(stored, tenantId);
		return new GatewaySnapshot(stored.snapshot().gateway(),
				stored.snapshot()
					.tenants()
					.stream()
					.map((tenant) -> tenant.name().equals(target.name())
							? tenant.withDomains(replace.apply(tenant.domains())) : tenant)
					.toList());
	}

}
