package ch.mspguard.token;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import ch.mspguard.gateway.InvalidValueException;
import ch.mspguard.gateway.Network;
import ch.mspguard.gateway.ValidationError;

/**
 * Checks a token request and collects every problem with its field, so that one answer
 * names them all.
 */
final class TokenRequestValidator {

	private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}._ -]{1,100}");

	private final List<ValidationError> errors = new ArrayList<>();

	List<ValidationError> errors() {
		return this.errors;
	}

	String name(String name, Predicate<String> taken) {
		String stripped = (name != null) ? name.strip() : "";
		if (!NAME.matcher(stripped).matches()) {
			this.errors.add(ValidationError.of("/name", "token.name.invalid"));
		}
		else if (taken.test(stripped)) {
			this.errors.add(ValidationError.of("/name", "token.name.taken", stripped));
		}
		return stripped;
	}

	List<TokenScope> scopes(List<String> texts) {
		Set<TokenScope> scopes = new LinkedHashSet<>();
		if (texts == null || texts.isEmpty()) {
			this.errors.add(ValidationError.of("/scopes", "token.scopes.required"));
			return List.of();
		}
		for (int i = 0; i < texts.size(); i++) {
			String text = texts.get(i);
			int index = i;
			TokenScope.of(text)
				.ifPresentOrElse(scopes::add, () -> this.errors
					.add(ValidationError.of("/scopes/" + index, "token.scopes.unknown", String.valueOf(text))));
		}
		return List.copyOf(scopes);
	}

	UUID tenant(String text, List<TokenScope> scopes, Predicate<UUID> exists) {
		if (text == null || text.isBlank()) {
			return null;
		}
		UUID tenantId;
		try {
			tenantId = UUID.fromString(text.strip());
		}
		catch (IllegalArgumentException ex) {
			this.errors.add(ValidationError.of("/tenantId", "token.tenant.invalid", text));
			return null;
		}
		if (!exists.test(tenantId)) {
			this.errors.add(ValidationError.of("/tenantId", "token.tenant.unknown", tenantId));
		}
		if (!TokenScope.TENANT_RESTRICTED.containsAll(scopes)) {
			this.errors.add(ValidationError.of("/scopes", "token.scopes.tenantRestricted"));
		}
		return tenantId;
	}

	LocalDate expiresOn(String text, LocalDate today) {
		if (text == null || text.isBlank()) {
			this.errors.add(ValidationError.of("/expiresOn", "token.expiresOn.required"));
			return null;
		}
		LocalDate date;
		try {
			date = LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			this.errors.add(ValidationError.of("/expiresOn", "token.expiresOn.invalid", text));
			return null;
		}
		if (date.isBefore(today)) {
			this.errors.add(ValidationError.of("/expiresOn", "token.expiresOn.past", date.toString()));
		}
		else if (date.isAfter(today.plusYears(1))) {
			this.errors.add(ValidationError.of("/expiresOn", "token.expiresOn.tooLate", today.plusYears(1).toString()));
		}
		return date;
	}

	String network(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Network.parse(text.strip()).text();
		}
		catch (InvalidValueException ex) {
			this.errors.add(ValidationError.of("/allowedNetwork", ex.code(), ex.arguments()));
			return null;
		}
	}

}
