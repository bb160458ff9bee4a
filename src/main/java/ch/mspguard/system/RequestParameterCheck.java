package ch.mspguard.system;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

import ch.mspguard.gateway.ControlCharacters;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Applies {@link ControlCharacters} to every request parameter (query string and form
 * fields: forms, filters, search, the login name) before anything reads them, Spring
 * Security's login included, and bounds their length. A request with a forbidden
 * character or an oversized field is refused with 400 naming the field, the character and
 * its position; nothing is stripped. Multipart uploads are left to their readers, which
 * check the document's values the same way.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class RequestParameterCheck extends OncePerRequestFilter {

	/** No form field of the dashboard is longer (the attestation evidence: 2,000). */
	static final int MAX_FIELD_LENGTH = 10_000;

	private final MessageSource messages;

	private final LocaleResolver locales;

	RequestParameterCheck(MessageSource messages, LocaleResolver locales) {
		this.messages = messages;
		this.locales = locales;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String type = request.getContentType();
		return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
			String refusal = refusal(parameter.getKey(), parameter.getKey(), request);
			for (String value : parameter.getValue()) {
				refusal = (refusal != null) ? refusal : refusal(parameter.getKey(), value, request);
			}
			if (refusal != null) {
				response.setStatus(HttpStatus.BAD_REQUEST.value());
				ErrorBodies.write(request, response, refusal);
				return;
			}
		}
		chain.doFilter(request, response);
	}

	private String refusal(String field, String value, HttpServletRequest request) {
		if (value == null) {
			return null;
		}
		String shown = printable(field);
		if (value.length() > MAX_FIELD_LENGTH) {
			return this.messages.getMessage("request.fieldTooLong", new Object[] { shown, MAX_FIELD_LENGTH },
					this.locales.resolveLocale(request));
		}
		int at = ControlCharacters.firstForbidden(value);
		if (at < 0) {
			return null;
		}
		return this.messages.getMessage("request.controlCharacter",
				new Object[] { shown, ControlCharacters.describe(value.charAt(at)), at + 1 },
				this.locales.resolveLocale(request));
	}

	/** The field's name as it can be shown: at most 40 characters, controls as U+…. */
	private static String printable(String field) {
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < Math.min(field.length(), 40); i++) {
			char c = field.charAt(i);
			out.append(ControlCharacters.isForbidden(c) ? ControlCharacters.describe(c) : String.valueOf(c));
		}
		return (field.length() > 40) ? out + "…" : out.toString();
	}

}
