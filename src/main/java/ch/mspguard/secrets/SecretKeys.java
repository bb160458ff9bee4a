package ch.mspguard.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The application's master key and the keys derived from it: a keyed hash for header
 * check values and authenticated encryption for stored API credentials. The master key
 * comes from {@code hardening.secret-key} (base64, 32 bytes) or, when that is not set,
 * from a key file in the data directory that is generated on first start.
 */
@Component
public class SecretKeys {

	private static final Logger log = LoggerFactory.getLogger(SecretKeys.class);

	private static final int KEY_BYTES = 32;

	private static final int NONCE_BYTES = 12;

	private final SecureRandom random = new SecureRandom();

	private final byte[] masterKey;

	SecretKeys(@Value("${hardening.secret-key:}") String configuredKey,
			@Value("${hardening.data-directory:./data}") String dataDirectory) {
		this.masterKey = StringUtils.hasText(configuredKey) ? decode(configuredKey, "HARDENING_SECRET_KEY")
				: loadOrCreate(Path.of(dataDirectory, "secret-key").toAbsolutePath());
	}

	/** Hex of HMAC-SHA256 of the text under the key derived for the purpose. */
	public String keyedHash(String purpose, String text) {
		return HexFormat.of().formatHex(mac(derive(purpose), text.getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * AES-GCM encryption under the key derived for the purpose: nonce followed by
	 * ciphertext.
	 */
	public byte[] encrypt(String purpose, String plaintext) {
		try {
			byte[] nonce = new byte[NONCE_BYTES];
			this.random.nextBytes(nonce);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(derive(purpose), "AES"),
					new GCMParameterSpec(128, nonce));
			cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
			byte[] ciphertext = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
			byte[] result = new byte[NONCE_BYTES + ciphertext.length];
			System.arraycopy(nonce, 0, result, 0, NONCE_BYTES);
			System.arraycopy(ciphertext, 0, result, NONCE_BYTES, ciphertext.length);
			return result;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Encryption failed", ex);
		}
	}

	/**
	 * Reverses {@link #encrypt}; fails when the data was changed or the key is another.
	 */
	public String decrypt(String purpose, byte[] sealed) {
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(derive(purpose), "AES"),
					new GCMParameterSpec(128, sealed, 0, NONCE_BYTES));
			cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
			return new String(cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Stored secret cannot be decrypted with the configured key", ex);
		}
	}

	private byte[] derive(String purpose) {
		return mac(this.masterKey, ("hardening-dashboard/" + purpose).getBytes(StandardCharsets.UTF_8));
	}

	private static byte[] mac(byte[] key, byte[] data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(data);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

	private static byte[] decode(String base64, String source) {
		byte[] key;
		try {
			key = Base64.getDecoder().decode(base64.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidSecretKeyException(source + " is not base64 (" + ex.getMessage() + ")", ex);
		}
		if (key.length < KEY_BYTES) {
			throw new InvalidSecretKeyException(
					source + " decodes to " + key.length + " bytes; the key needs at least " + KEY_BYTES, null);
		}
		return key;
	}

	private byte[] loadOrCreate(Path file) {
		try {
			if (Files.exists(file)) {
				return decode(Files.readString(file), "The key file " + file);
			}
			byte[] key = new byte[KEY_BYTES];
			this.random.nextBytes(key);
			Files.createDirectories(file.getParent());
			Files.writeString(file, Base64.getEncoder().encodeToString(key));
			restrictToOwner(file);
			log.warn(
					"Generated a new secret key in {}. Keep it with the database: header check hashes and "
							+ "stored API credentials depend on it. Set hardening.secret-key to manage it yourself.",
					file);
			return key;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read or create the secret key " + file, ex);
		}
	}

	private static void restrictToOwner(Path file) throws IOException {
		// On a file system without POSIX permissions (Windows) the directory's
		// permissions apply.
		if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
	}

}
