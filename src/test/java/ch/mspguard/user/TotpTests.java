package ch.mspguard.user;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TotpTests {

	/** The SHA-1 seed of RFC 6238, appendix B. */
	private static final byte[] SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

	@Test
	void matchesTheTestVectorsOfRfc6238() {
		// RFC 6238 lists 8 digits; the six-digit codes are their last six digits.
		assertThat(Totp.code(SEED, Totp.step(Instant.ofEpochSecond(59)))).isEqualTo("287082");
		assertThat(Totp.code(SEED, Totp.step(Instant.ofEpochSecond(1111111109)))).isEqualTo("081804");
		assertThat(Totp.code(SEED, Totp.step(Instant.ofEpochSecond(1234567890)))).isEqualTo("005924");
		assertThat(Totp.code(SEED, Totp.step(Instant.ofEpochSecond(2000000000)))).isEqualTo("279037");
	}

	@Test
	void acceptsTheNeighbouringStepsOnlyAndEachStepOnce() {
		Instant now = Instant.ofEpochSecond(1234567890);
		long step = Totp.step(now);
		assertThat(Totp.verify(SEED, Totp.code(SEED, step - 1), now, null)).hasValue(step - 1);
		assertThat(Totp.verify(SEED, Totp.code(SEED, step + 1), now, null)).hasValue(step + 1);
		assertThat(Totp.verify(SEED, Totp.code(SEED, step - 2), now, null)).isEmpty();
		assertThat(Totp.verify(SEED, Totp.code(SEED, step), now, step)).isEmpty();
		assertThat(Totp.verify(SEED, "12345", now, null)).isEmpty();
		assertThat(Totp.verify(SEED, null, now, null)).isEmpty();
	}

	@Test
	void base32RoundTripsSecrets() {
		assertThat(Base32.encode(SEED)).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
		assertThat(Base32.decode("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ")).isEqualTo(SEED);
	}

}
