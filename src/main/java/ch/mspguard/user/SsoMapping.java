package ch.mspguard.user;

import java.time.Instant;
import java.util.UUID;

import ch.mspguard.tenant.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * One value of the provider's group or role claim and what it grants: a role, and for a
 * tenant admin the tenant.
 */
@Entity
@Table(name = "sso_mapping")
class SsoMapping {

	@Id
	private UUID id;

	@Column(name = "claim_value")
	private String claimValue;

	@Enumerated(EnumType.STRING)
	private Role role;

	@Column(name = "tenant_id")
	private UUID tenantId;

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "created_by")
	private String createdBy;

	@Version
	private long version;

	protected SsoMapping() {
	}

	SsoMapping(String claimValue, Role role, UUID tenantId, String createdBy) {
		this.id = UUID.randomUUID();
		this.claimValue = claimValue;
		this.role = role;
		this.tenantId = tenantId;
		this.createdAt = Instant.now();
		this.createdBy = createdBy;
	}

	UUID getId() {
		return this.id;
	}

	String getClaimValue() {
		return this.claimValue;
	}

	Role getRole() {
		return this.role;
	}

	UUID getTenantId() {
		return this.tenantId;
	}

	Instant getCreatedAt() {
		return this.createdAt;
	}

	String getCreatedBy() {
		return this.createdBy;
	}

}
