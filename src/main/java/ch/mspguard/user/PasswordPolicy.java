package ch.mspguard.user;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * What makes a password acceptable: at least 12 characters, at most 256, not the user
 * name, and not one of the common passwords bundled with the application (also not one
 * with digits or symbols merely appended, such as {@code password2024!}).
 */
@Component
class PasswordPolicy {

	static final int MIN_LENGTH = 12;

	static final int MAX_LENGTH = 256;

	private final Set<String> common;

	PasswordPolicy() {
		this.common = load();
	}

	/** The message code of the first rule the password breaks, if any. */
	Optional<String> violation(String password, String username) {
		if (password == null || password.length() < MIN_LENGTH) {
			return Optional.of("password.tooShort");
		}
		if (password.length() > MAX_LENGTH) {
			return Optional.of("password.tooLong");
		}
		String lower = password.toLowerCase(Locale.ROOT);
		if (username != null && lower.contains(username.toLowerCase(Locale.ROOT))) {
			return Optional.of("password.containsUsername");
		}
		String stem = lower.replaceAll("[^a-z]+$", "").replaceAll("^[^a-z]+", "");
		if (this.common.contains(lower) || this.common.contains(stem)) {
			return Optional.of("password.common");
		}
		return Optional.empty();
	}

	private static Set<String> load() {
		Set<String> passwords = new HashSet<>();
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(
				new ClassPathResource("security/common-passwords.txt").getInputStream(), StandardCharsets.UTF_8))) {
			reader.lines().forEach(passwords::add);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The list of common passwords is missing from the application", ex);
		}
		return passwords;
	}

}
