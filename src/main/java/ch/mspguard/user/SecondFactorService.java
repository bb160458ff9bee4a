package ch.mspguard.user;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import ch.mspguard.audit.AuditAction;
import ch.mspguard.audit.AuditLog;
import ch.mspguard.secrets.SecretKeys;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * TOTP second factor: enrolment with a QR code and recovery codes, verification at login,
 * the operators' switch that requires it for everyone, and the reset for a lost device.
 */
@Service
public class SecondFactorService {

	static final String ISSUER = "SEPPmail hardening";

	static final String REQUIRED_SETTING = "second-factor.required";

	private static final int RECOVERY_CODES = 10;

	private final JdbcClient jdbc;

	private final UserAccountRepository accounts;

	private final SecretKeys keys;

	private final AuditLog audit;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	SecondFactorService(JdbcClient jdbc, UserAccountRepository accounts, SecretKeys keys, AuditLog audit) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.keys = keys;
		this.audit = audit;
		this.clock = Clock.systemUTC();
	}

	/** A new secret to enrol, not stored until the user proves it with a code. */
	public record Enrolment(String secret, String uri, String qrCode) {
	}

	private record State(boolean enabled, byte[] sealedSecret, Long lastStep, List<String> recoveryHashes) {
	}

	Enrolment newEnrolment(String username) {
		byte[] secret = new byte[20];
		this.random.nextBytes(secret);
		return newEnrolmentFor(username, Base32.encode(secret));
	}

	/** The enrolment of a secret already shown, for showing it again. */
	Enrolment newEnrolmentFor(String username, String base32) {
		String label = ISSUER.replace(" ", "%20") + ":" + username;
		String uri = "otpauth://totp/" + label + "?secret=" + base32 + "&issuer=" + ISSUER.replace(" ", "%20")
				+ "&algorithm=SHA1&digits=6&period=30";
		return new Enrolment(base32, uri, QrCodes.dataUri(uri));
	}

	/**
	 * Stores the secret when the code proves the user's app has it.
	 * @return the recovery codes, to show once; empty when the code is wrong
	 */
	@Transactional
	public Optional<List<String>> confirm(String username, String base32Secret, String code) {
		OptionalLong step = Totp.verify(Base32.decode(base32Secret), code, this.clock.instant(), null);
		if (step.isEmpty()) {
			return Optional.empty();
		}
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < RECOVERY_CODES; i++) {
			byte[] bytes = new byte[10];
			this.random.nextBytes(bytes);
			String recovery = Base32.encode(bytes).toLowerCase();
			codes.add(recovery.substring(0, 4) + "-" + recovery.substring(4, 8) + "-" + recovery.substring(8, 12));
		}
		this.accounts.enrolSecondFactor(username, this.keys.encrypt("totp", base32Secret), step.getAsLong(),
				codes.stream().map(this::hash).toArray(String[]::new));
		this.audit.record(AuditAction.SECOND_FACTOR_ENROLLED, username, Map.of());
		return Optional.of(codes);
	}

	/** Checks a code or a recovery code at login; each can be used once. */
	@Transactional
	public boolean verify(String username, String code) {
		Optional<State> state = state(username);
		if (state.isEmpty() || !state.get().enabled() || code == null) {
			return false;
		}
		byte[] secret = Base32.decode(this.keys.decrypt("totp", state.get().sealedSecret()));
		OptionalLong step = Totp.verify(secret, code, this.clock.instant(), state.get().lastStep());
		if (step.isPresent()) {
			this.accounts.markTimeStepUsed(username, step.getAsLong());
			return true;
		}
		String hash = hash(code.strip().toLowerCase());
		if (state.get().recoveryHashes().contains(hash)) {
			List<String> left = new ArrayList<>(state.get().recoveryHashes());
			left.remove(hash);
			this.accounts.keepRecoveryCodes(username, left.toArray(String[]::new));
			return true;
		}
		return false;
	}

	@Transactional(readOnly = true)
	public boolean isEnabled(String username) {
		return this.jdbc.sql("SELECT totp_enabled FROM app_user WHERE lower(username) = lower(?)")
			.param(username)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	@Transactional(readOnly = true)
	public int recoveryCodesLeft(String username) {
		return this.jdbc.sql("SELECT cardinality(recovery_codes) FROM app_user WHERE lower(username) = lower(?)")
			.param(username)
			.query(Integer.class)
			.optional()
			.orElse(0);
	}

	/** Removes a user's second factor, e.g. after a lost phone; they enrol again. */
	@Transactional
	public void reset(String username) {
		this.accounts.removeSecondFactor(username, new String[0]);
		this.audit.record(AuditAction.SECOND_FACTOR_RESET, username, Map.of());
	}

	@Transactional(readOnly = true)
	public boolean isRequiredForEveryone() {
		return this.jdbc.sql("SELECT value FROM app_setting WHERE name = ?")
			.param(REQUIRED_SETTING)
			.query(String.class)
			.optional()
			.map(Boolean::parseBoolean)
			.orElse(false);
	}

	@Transactional
	public void setRequiredForEveryone(boolean required, String by) {
		this.jdbc.sql("""
				INSERT INTO app_setting (name, value, updated_by) VALUES (?, ?, ?)
				ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_by = excluded.updated_by,
				                                 updated_at = now()""")
			.params(REQUIRED_SETTING, String.valueOf(required), by)
			.update();
		this.audit.record(AuditAction.SECOND_FACTOR_REQUIREMENT_CHANGED, REQUIRED_SETTING,
				Map.of("required", required));
	}

	private Optional<State> state(String username) {
		return this.jdbc.sql("""
				SELECT totp_enabled, totp_secret, totp_last_step, recovery_codes FROM app_user
				WHERE lower(username) = lower(?)""").param(username).query((rs, row) -> {
			long last = rs.getLong(3);
			Long lastStep = rs.wasNull() ? null : last;
			String[] hashes = (String[]) rs.getArray(4).getArray();
			return new State(rs.getBoolean(1), rs.getBytes(2), lastStep, Arrays.asList(hashes));
		}).optional();
	}

	private String hash(String recoveryCode) {
		return this.keys.keyedHash("recovery-code", recoveryCode);
	}

}
