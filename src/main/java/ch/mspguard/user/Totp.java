package ch.mspguard.user;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.OptionalLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226): HMAC-SHA1, 30-second steps, six
 * digits, as every authenticator app understands them.
 */
final class Totp {

	static final int DIGITS = 6;

	static final long STEP_SECONDS = 30;

	/** Accept the previous and the next step too, for clocks that drift. */
	static final int WINDOW = 1;

	private Totp() {
	}

	static String code(byte[] secret, long step) {
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(secret, "HmacSHA1"));
			byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
			int offset = hash[hash.length - 1] & 0x0f;
			int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
					| ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
			return String.format("%0" + DIGITS + "d", binary % 1_000_000);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA1 is not available", ex);
		}
	}

	static long step(Instant time) {
		return time.getEpochSecond() / STEP_SECONDS;
	}

	/**
	 * The time step the code belongs to, if it is valid now and newer than the last step
	 * used (a code can be used once).
	 */
	static OptionalLong verify(byte[] secret, String code, Instant now, Long lastUsedStep) {
		if (code == null || !code.strip().matches("[0-9]{" + DIGITS + "}")) {
			return OptionalLong.empty();
		}
		long current = step(now);
		for (long step = current - WINDOW; step <= current + WINDOW; step++) {
			boolean fresh = lastUsedStep == null || step > lastUsedStep;
			if (fresh && MessageDigest.isEqual(code(secret, step).getBytes(), code.strip().getBytes())) {
				return OptionalLong.of(step);
			}
		}
		return OptionalLong.empty();
	}

}
