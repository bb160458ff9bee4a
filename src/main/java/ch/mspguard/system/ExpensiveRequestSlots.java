package ch.mspguard.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Semaphore;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Bounds how many expensive requests run at once: imports, dry runs, uploads to a
 * preview, pulls from an appliance, applying a preview and replacing reference data. Each
 * reads a whole gateway (up to 100,000 domains) and evaluates it in memory; six at once
 * exhausted a 512 MiB heap (issue 18). A request that finds no free slot is refused at
 * once with 503 and {@code Retry-After}, like the exports, rather than queued: queued
 * requests would hold their uploads in memory while they wait. Everything else, health
 * checks included, never waits for a slot.
 * <p>
 * Runs after Spring Security, so that only authenticated users take slots.
 */
@Component
@EnableConfigurationProperties(RequestLimits.class)
class ExpensiveRequestSlots extends OncePerRequestFilter {

	private static final List<PathPattern> EXPENSIVE = parse("/api/snapshots", "/api/snapshots/evaluate",
			"/import/snapshot", "/import/seppmail/upload", "/import/seppmail/{gatewayId}/pull",
			"/import/preview/{id}/apply", "/reference-data");

	private final Semaphore slots;

	private final RequestLimits limits;

	private final MessageSource messages;

	private final LocaleResolver locales;

	ExpensiveRequestSlots(RequestLimits limits, MessageSource messages, LocaleResolver locales) {
		this.limits = limits;
		this.slots = new Semaphore(Math.max(1, limits.expensiveConcurrency()));
		this.messages = messages;
		this.locales = locales;
	}

	private static List<PathPattern> parse(String... patterns) {
		return List.of(patterns).stream().map(PathPatternParser.defaultInstance::parse).toList();
	}

	static boolean isExpensive(HttpServletRequest request) {
		if (!"POST".equals(request.getMethod())) {
			return false;
		}
		PathContainer path = PathContainer
			.parsePath(request.getRequestURI().substring(request.getContextPath().length()));
		return EXPENSIVE.stream().anyMatch((pattern) -> pattern.matches(path));
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !isExpensive(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!this.slots.tryAcquire()) {
			refuse(request, response);
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		finally {
			this.slots.release();
		}
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
		long seconds = Math.max(1, this.limits.retryAfter().toSeconds());
		Locale locale = this.locales.resolveLocale(request);
		String message = this.messages.getMessage("request.busy", new Object[] { seconds }, locale);
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		ErrorBodies.write(request, response, message);
	}

}
