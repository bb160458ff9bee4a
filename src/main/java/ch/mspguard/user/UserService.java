package ch.mspguard.user;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import ch.mspguard.audit.AuditAction;
import ch.mspguard.audit.AuditLog;
import ch.mspguard.gateway.ValidationError;
import ch.mspguard.tenant.Role;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates and lists user accounts.
 */
@Service
public class UserService {

	private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,100}");

	private final UserAccountRepository users;

	private final PasswordEncoder encoder;

	private final PasswordPolicy policy;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	UserService(UserAccountRepository users, PasswordEncoder encoder, PasswordPolicy policy, JdbcClient jdbc,
			AuditLog audit) {
		this.users = users;
		this.encoder = encoder;
		this.policy = policy;
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/**
	 * @return the new user's id
	 * @throws InvalidUserException naming every field that is wrong
	 */
	@Transactional
	public UUID create(NewUser user) {
		List<ValidationError> errors = new ArrayList<>();
		Role role = role(user.role(), errors);
		if (user.username() == null || !USERNAME.matcher(user.username()).matches()) {
			errors.add(ValidationError.of("/username", "user.username.invalid"));
		}
		else if (this.users.findByUsername(user.username()).isPresent()) {
			errors.add(ValidationError.of("/username", "user.username.taken", user.username()));
		}
		this.policy.violation(user.password(), user.username())
			.ifPresent((code) -> errors.add(ValidationError.of("/password", code, PasswordPolicy.MIN_LENGTH)));
		checkTenant(role, user.tenantId(), errors);
		if (!errors.isEmpty()) {
			throw new InvalidUserException(errors);
		}
		UserAccount account = this.users
			.save(new UserAccount(user.username(), this.encoder.encode(user.password()), role, user.tenantId()));
		this.audit.record(AuditAction.USER_CREATED, user.username(),
				Map.of("role", role.name(), "tenantId", String.valueOf(user.tenantId())));
		return account.getId();
	}

	/**
	 * Creates the account unless one of that name exists; for start-up and demo users.
	 */
	@Transactional
	public boolean createIfMissing(String username, String password, Role role, UUID tenantId) {
		if (this.users.findByUsername(username).isPresent()) {
			return false;
		}
		this.users.save(new UserAccount(username, this.encoder.encode(password), role, tenantId));
		this.audit.record(AuditAction.USER_CREATED, username,
				Map.of("role", role.name(), "tenantId", String.valueOf(tenantId)));
		return true;
	}

	/** Enables or disables an account; a disabled account cannot log in. */
	@Transactional
	public void setEnabled(UUID userId, boolean enabled) {
		UserAccount account = this.users.findById(userId)
			.orElseThrow(() -> new InvalidUserException(List.of(ValidationError.of("/id", "user.unknown"))));
		if (account.isEnabled() != enabled) {
			account.setEnabled(enabled);
			this.audit.record(enabled ? AuditAction.USER_ENABLED : AuditAction.USER_DISABLED, account.getUsername(),
					Map.of());
		}
	}

	@Transactional(readOnly = true)
	public boolean anyUserExists() {
		return this.users.count() > 0;
	}

	@Transactional(readOnly = true)
	public List<UserView> list() {
		return this.users.findAllByOrderByUsername()
			.stream()
			.map((u) -> new UserView(u.getId(), u.getUsername(), u.getRole(), u.getTenantId(), u.isEnabled(),
					u.getCreatedAt(), u.hasSecondFactor()))
			.toList();
	}

	private static Role role(String text, List<ValidationError> errors) {
		for (Role role : List.of(Role.OPERATOR, Role.AUDITOR, Role.TENANT_ADMIN)) {
			if (role.name().equals(text)) {
				return role;
			}
		}
		errors.add(ValidationError.of("/role", "user.role.invalid"));
		return null;
	}

	private void checkTenant(Role role, UUID tenantId, List<ValidationError> errors) {
		if (role == Role.TENANT_ADMIN && tenantId == null) {
			errors.add(ValidationError.of("/tenantId", "user.tenant.required"));
		}
		else if (role != null && role != Role.TENANT_ADMIN && tenantId != null) {
			errors.add(ValidationError.of("/tenantId", "user.tenant.notAllowed"));
		}
		else if (tenantId != null && !tenantExists(tenantId)) {
			errors.add(ValidationError.of("/tenantId", "user.tenant.unknown", tenantId));
		}
	}

	private boolean tenantExists(UUID tenantId) {
		return this.jdbc.sql("SELECT count(*) FROM tenant WHERE id = ?").param(tenantId).query(Long.class).single() > 0;
	}

}
