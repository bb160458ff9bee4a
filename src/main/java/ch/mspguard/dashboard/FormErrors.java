package ch.mspguard.dashboard;

import ch.mspguard.gateway.InvalidValueException;
import ch.mspguard.gateway.ValidationError;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.validation.BindingResult;

/**
 * Puts the model's validation messages at the form field they belong to, with the same
 * texts as the import.
 */
final class FormErrors {

	private FormErrors() {
	}

	static void reject(BindingResult result, String field, InvalidValueException ex) {
		result.rejectValue(field, "validation." + ex.code(), ex.arguments(), ex.code());
	}

	/** A problem in one line of a field that takes one entry per line. */
	static void reject(BindingResult result, String field, int line, InvalidValueException ex) {
		result.rejectValue(field, "validation.form.line",
				new Object[] { line, new DefaultMessageSourceResolvable(new String[] { "validation." + ex.code() },
						ex.arguments(), ex.code()) },
				ex.code());
	}

	static void reject(BindingResult result, String field, ValidationError error) {
		result.rejectValue(field, error.messageKey(), error.args().toArray(), error.code());
	}

}
