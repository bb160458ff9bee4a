package ch.mspguard.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 503 with {@code Retry-After} also when the database fails before any controller
 * runs: in the session store, the login throttle or the user lookup of the filters. The
 * controllers' failures are answered by {@link DatabaseUnavailableAdvice}; this filter,
 * first in the chain, catches what escapes every other filter.
 */
class DatabaseUnavailableFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

	/** Registers the filter first of all, before the session store's. */
	@Configuration(proxyBeanMethods = false)
	static class Registration {

		@Bean
		FilterRegistrationBean<DatabaseUnavailableFilter> databaseUnavailableFilter() {
			FilterRegistrationBean<DatabaseUnavailableFilter> registration = new FilterRegistrationBean<>(
					new DatabaseUnavailableFilter());
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
			return registration;
		}

	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (RuntimeException | ServletException ex) {
			if (!DatabaseUnavailable.causedBy(ex) || response.isCommitted()) {
				throw ex;
			}
			log.error("Database unreachable while serving {}: {}", request.getRequestURI(), ex.getMessage());
			response.reset();
			if (DatabaseUnavailable.isApi(request)) {
				DatabaseUnavailable.writeJson(response);
			}
			else {
				response.setHeader("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS);
				response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
			}
		}
	}

}
