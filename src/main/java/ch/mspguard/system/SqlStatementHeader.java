package ch.mspguard.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Diagnostics for tests and benchmarks: with
 * {@code hardening.diagnostics.sql-statements=true} every page answers with
 * {@code X-SQL-Statements}, the number of statements its handler issued. Views never
 * query (open-in-view is off), so the count is complete before rendering.
 */
@Component
@ConditionalOnProperty("hardening.diagnostics.sql-statements")
class SqlStatementHeader implements WebMvcConfigurer, HandlerInterceptor {

	static final String HEADER = "X-SQL-Statements";

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		SqlStatements.reset();
		return true;
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView modelAndView) {
		response.setHeader(HEADER, String.valueOf(SqlStatements.count()));
	}

}
