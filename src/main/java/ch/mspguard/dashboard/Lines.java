package ch.mspguard.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import ch.mspguard.gateway.InvalidValueException;

import org.springframework.validation.BindingResult;

/**
 * Fields that take one entry per line: blank lines are ignored, every bad line is
 * reported with its number.
 */
final class Lines {

	private Lines() {
	}

	static <T> List<T> parse(String text, String field, int max, Function<String, T> parser, BindingResult errors) {
		List<T> result = new ArrayList<>();
		if (text == null) {
			return result;
		}
		String[] lines = text.split("\\R");
		int count = 0;
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i].strip();
			if (line.isEmpty()) {
				continue;
			}
			if (++count > max) {
				FormErrors.reject(errors, field, new InvalidValueException("field.tooMany", max));
				break;
			}
			try {
				result.add(parser.apply(line));
			}
			catch (InvalidValueException ex) {
				FormErrors.reject(errors, field, i + 1, ex);
			}
		}
		return result;
	}

	static String join(List<?> items) {
		return String.join("\n", items.stream().map(Object::toString).toList());
	}

}
