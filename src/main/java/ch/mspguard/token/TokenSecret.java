package ch.mspguard.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A new token: {@code mspg_} and 40 random characters (240 bits), so that secret scanners
 * can recognise it by its prefix. Only its SHA-256 hash is stored: the token is random
 * and long enough that a slow password hash would add nothing but latency.
 *
 * @param token the token, to be shown once
 * @param prefix the first characters, stored and shown in lists
 * @param hash the SHA-256 hash of the token, stored
 */
record TokenSecret(String token, String prefix, byte[] hash) {

	static final String PREFIX = "mspg_";

	private static final SecureRandom RANDOM = new SecureRandom();

	static TokenSecret generate() {
		byte[] random = new byte[30];
		RANDOM.nextBytes(random);
		String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		return new TokenSecret(token, token.substring(0, PREFIX.length() + 6), hash(token));
	}

	static byte[] hash(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public String toString() {
		return "TokenSecret[" + this.prefix + "…]";
	}

}
