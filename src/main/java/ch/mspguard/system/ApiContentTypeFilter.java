package ch.mspguard.system;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * {@code POST}, {@code PUT} and {@code DELETE} on {@code /api/**} take JSON only (issue
 * 18): a cross-site HTML form can send {@code text/plain}, form-encoded or multipart
 * bodies without a preflight, and a browser that has cached HTTP Basic credentials would
 * send them along. Such requests get 415 before any controller reads the body. A
 * {@code DELETE} without a body needs no type.
 */
@Component
class ApiContentTypeFilter extends OncePerRequestFilter {

	private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH", "DELETE");

	private final MessageSource messages;

	private final LocaleResolver locales;

	ApiContentTypeFilter(MessageSource messages, LocaleResolver locales) {
		this.messages = messages;
		this.locales = locales;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !WITH_BODY.contains(request.getMethod())
				|| !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean bodyless = "DELETE".equals(request.getMethod()) && request.getContentLengthLong() <= 0
				&& request.getHeader("Transfer-Encoding") == null;
		if (bodyless || isJson(request.getContentType())) {
			chain.doFilter(request, response);
			return;
		}
		response.setStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE.value());
		response.setHeader("Accept", MediaType.APPLICATION_JSON_VALUE);
		ErrorBodies.write(request, response,
				this.messages.getMessage("request.jsonOnly", null, this.locales.resolveLocale(request)));
	}

	static boolean isJson(String contentType) {
		if (contentType == null) {
			return false;
		}
		try {
			MediaType type = MediaType.parseMediaType(contentType);
			return type.getType().equals("application")
					&& (type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"));
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

}
