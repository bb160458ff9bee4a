package ch.mspguard.exceptions;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import ch.mspguard.checklist.Catalogue;
import ch.mspguard.checklist.Rule;
import ch.mspguard.checklist.Scope;
import ch.mspguard.gateway.ValidationError;

/**
 * Checks the values of a request and collects every problem with its field, so that one
 * answer names them all. Whether the finding exists is checked afterwards, against the
 * tenant's current evaluation.
 */
final class ExceptionRequestValidator {

	static final int MAX_TEXT = 2000;

	private final List<ValidationError> errors = new ArrayList<>();

	List<ValidationError> errors() {
		return this.errors;
	}

	void add(String path, String code, Object... args) {
		this.errors.add(ValidationError.of(path, code, args));
	}

	Rule rule(String text) {
		if (text == null || text.isBlank()) {
			add("/ruleId", "exception.rule.required");
			return null;
		}
		Rule rule = Catalogue.rule(text.strip()).orElse(null);
		if (rule == null) {
			add("/ruleId", "exception.rule.unknown", text.strip());
		}
		else if (rule.scope() == Scope.GATEWAY) {
			add("/ruleId", "exception.rule.gateway", rule.id());
		}
		return rule;
	}

	UUID tenant(String text) {
		if (text == null || text.isBlank()) {
			add("/tenantId", "exception.tenant.required");
			return null;
		}
		try {
			return UUID.fromString(text.strip());
		}
		catch (IllegalArgumentException ex) {
			add("/tenantId", "exception.tenant.unknown", text.strip());
			return null;
		}
	}

	String domain(String text, Rule rule) {
		String domain = (text != null && !text.isBlank()) ? text.strip().toLowerCase(Locale.ROOT) : null;
		if (domain != null && rule != null && rule.scope() == Scope.TENANT) {
			add("/domain", "exception.domain.notApplicable", rule.id());
		}
		return domain;
	}

	ExceptionCategory category(String text) {
		if (text == null || text.isBlank()) {
			add("/category", "exception.category.required");
			return null;
		}
		try {
			return ExceptionCategory.valueOf(text.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			add("/category", "exception.category.unknown", text.strip());
			return null;
		}
	}

	String reason(String text) {
		return text("/reason", text, true);
	}

	String compensatingControl(String text, ExceptionCategory category) {
		return text("/compensatingControl", text, category == ExceptionCategory.COMPENSATING_CONTROL);
	}

	String comment(String text, boolean required) {
		return text("/comment", text, required);
	}

	LocalDate expiresOn(String text, LocalDate today, int maxMonths) {
		if (text == null || text.isBlank()) {
			add("/expiresOn", "exception.expiresOn.required");
			return null;
		}
		LocalDate date;
		try {
			date = LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			add("/expiresOn", "exception.expiresOn.invalid", text.strip());
			return null;
		}
		LocalDate latest = today.plusMonths(maxMonths);
		if (date.isBefore(today)) {
			add("/expiresOn", "exception.expiresOn.past", date.toString());
		}
		else if (date.isAfter(latest)) {
			add("/expiresOn", "exception.expiresOn.tooLate", latest.toString(), maxMonths);
		}
		return date;
	}

	private String text(String path, String text, boolean required) {
		String stripped = (text != null) ? text.strip() : "";
		if (stripped.isEmpty()) {
			if (required) {
				add(path, "exception.text.required");
			}
			return null;
		}
		if (stripped.length() > MAX_TEXT) {
			add(path, "exception.text.tooLong", MAX_TEXT);
		}
		else if (stripped.chars().anyMatch((c) -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
			add(path, "exception.text.controlCharacter");
		}
		return stripped;
	}

}
