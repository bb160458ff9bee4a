package ch.mspguard.token;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An API token: what it may do, where from and until when. The token itself is never
 * stored, only its SHA-256 hash and its first characters.
 */
@Entity
@Table(name = "api_token")
class ApiToken {

	@Id
	private UUID id;

	private String name;

	private String prefix;

	@Column(name = "secret_hash")
	private byte[] secretHash;

	@JdbcTypeCode(SqlTypes.ARRAY)
	private String[] scopes;

	@Column(name = "tenant_id")
	private UUID tenantId;

	@Column(name = "allowed_network")
	private String allowedNetwork;

	@Column(name = "expires_at")
	private Instant expiresAt;

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "created_by")
	private String createdBy;

	@Column(name = "last_used_at")
	private Instant lastUsedAt;

	@Column(name = "last_used_address")
	private String lastUsedAddress;

	@Column(name = "revoked_at")
	private Instant revokedAt;

	@Column(name = "revoked_by")
	private String revokedBy;

	@Version
	private long version;

	protected ApiToken() {
	}

	ApiToken(String name, TokenSecret secret, List<TokenScope> scopes, UUID tenantId, String allowedNetwork,
			Instant expiresAt, Instant createdAt, String createdBy) {
		this.id = UUID.randomUUID();
		this.name = name;
		this.prefix = secret.prefix();
		this.secretHash = secret.hash();
		this.scopes = scopes.stream().map(TokenScope::text).toArray(String[]::new);
		this.tenantId = tenantId;
		this.allowedNetwork = allowedNetwork;
		this.expiresAt = expiresAt;
		this.createdAt = createdAt;
		this.createdBy = createdBy;
	}

	/** Whether the token may be used at the given time. */
	boolean isActive(Instant now) {
		return this.revokedAt == null && now.isBefore(this.expiresAt);
	}

	void revoke(Instant now, String by) {
		if (this.revokedAt == null) {
			this.revokedAt = now;
			this.revokedBy = by;
		}
	}

	UUID getId() {
		return this.id;
	}

	String getName() {
		return this.name;
	}

	String getPrefix() {
		return this.prefix;
	}

	List<TokenScope> getScopes() {
		return Arrays.stream(this.scopes).map((text) -> TokenScope.of(text).orElseThrow()).toList();
	}

	UUID getTenantId() {
		return this.tenantId;
	}

	String getAllowedNetwork() {
		return this.allowedNetwork;
	}

	Instant getExpiresAt() {
		return this.expiresAt;
	}

	Instant getCreatedAt() {
		return this.createdAt;
	}

	String getCreatedBy() {
		return this.createdBy;
	}

	Instant getLastUsedAt() {
		return this.lastUsedAt;
	}

	String getLastUsedAddress() {
		return this.lastUsedAddress;
	}

	Instant getRevokedAt() {
		return this.revokedAt;
	}

	String getRevokedBy() {
		return this.revokedBy;
	}

}
