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
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A person who logs in: an operator, an auditor or the admin of one tenant.
 */
@Entity
@Table(name = "app_user")
class UserAccount {

	@Id
	private UUID id;

	private String username;

	@Column(name = "password_hash")
	private String passwordHash;

	@Enumerated(EnumType.STRING)
	private Role role;

	@Column(name = "tenant_id")
	private UUID tenantId;

	private boolean enabled;

	@Column(name = "created_at")
	private Instant createdAt;

	/*
	 * The second factor: written only by the repository's second-factor updates, which
	 * touch these columns alone (auditors and tenant admins may update nothing else of
	 * their own account), never by saving the account.
	 */
	@Column(name = "totp_enabled", insertable = false, updatable = false)
	private boolean totpEnabled;

	@Column(name = "totp_secret", insertable = false, updatable = false)
	private byte[] totpSecret;

	@Column(name = "totp_last_step", insertable = false, updatable = false)
	private Long totpLastStep;

	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(name = "recovery_codes", insertable = false, updatable = false)
	private String[] recoveryCodes;

	/** The OpenID Connect issuer of an account created by single sign-on, else null. */
	@Column(name = "sso_issuer")
	private String ssoIssuer;

	@Version
	private long version;

	protected UserAccount() {
	}

	UserAccount(String username, String passwordHash, Role role, UUID tenantId) {
		this.id = UUID.randomUUID();
		this.username = username;
		this.passwordHash = passwordHash;
		this.role = role;
		this.tenantId = tenantId;
		this.enabled = true;
		this.createdAt = Instant.now();
	}

	/**
	 * An account of single sign-on: its password hash is of a random secret nobody knows.
	 */
	static UserAccount fromSso(String username, String unusablePasswordHash, Role role, UUID tenantId, String issuer) {
		UserAccount account = new UserAccount(username, unusablePasswordHash, role, tenantId);
		account.ssoIssuer = issuer;
		return account;
	}

	String getSsoIssuer() {
		return this.ssoIssuer;
	}

	/** The role and tenant the provider's claims gave at the latest sign-in. */
	void assignFromSso(Role role, UUID tenantId) {
		this.role = role;
		this.tenantId = tenantId;
	}

	UUID getId() {
		return this.id;
	}

	String getUsername() {
		return this.username;
	}

	String getPasswordHash() {
		return this.passwordHash;
	}

	void changePasswordHash(String passwordHash) {
		this.passwordHash = passwordHash;
	}

	Role getRole() {
		return this.role;
	}

	UUID getTenantId() {
		return this.tenantId;
	}

	boolean isEnabled() {
		return this.enabled;
	}

	void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	boolean hasSecondFactor() {
		return this.totpEnabled;
	}

	Instant getCreatedAt() {
		return this.createdAt;
	}

}
