package ch.mspguard.secrets;

import java.util.Arrays;
import java.util.Base64;

/**
 * Secret keys for tests without a Spring context: a fixed master key, so that keyed
 * hashes are the same in every run, and no key file in a data directory.
 */
public final class TestSecretKeys {

	private TestSecretKeys() {
	}

	/** Keys derived from a master key of 32 bytes of {@code fill}. */
	public static SecretKeys withMasterKey(byte fill) {
		byte[] key = new byte[32];
		Arrays.fill(key, fill);
		return new SecretKeys(Base64.getEncoder().encodeToString(key), "no-data-directory-needed");
	}

}
