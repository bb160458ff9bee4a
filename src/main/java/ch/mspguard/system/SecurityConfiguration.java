package ch.mspguard.system;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import ch.mspguard.tenant.Role;
import ch.mspguard.token.BearerTokenFilter;
import ch.mspguard.token.TokenAuthenticator;
import ch.mspguard.token.TokenScope;
import ch.mspguard.user.LocalLogin;
import ch.mspguard.user.LocalLoginOffException;
import ch.mspguard.user.LoginThrottledException;
import ch.mspguard.user.SecondFactorLogin;
import ch.mspguard.user.SsoLogin;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Two doors: {@code /api/**} for scripts (bearer tokens or HTTP Basic, no session, no
 * CSRF) and the browser (form login, session, CSRF). Everything not explicitly public
 * needs a login; which role may do what is checked on each controller.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
			+ "frame-ancestors 'none'";

	/**
	 * Swagger UI's bundle injects one style element; the policy of its pages allows that
	 * one by its hash, nothing else inline (SwaggerUiBrowserTests fails when an update of
	 * springdoc changes it).
	 */
	static final String SWAGGER_UI_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace("style-src 'self';",
			"style-src 'self' 'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w=';");

	private static final RequestMatcher SWAGGER_UI = new OrRequestMatcher(
			PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**"),
			PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui.html"));

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, TokenAuthenticator tokens,
			@Value("${hardening.api.basic-auth:true}") boolean basicAuth) throws Exception {
		http.securityMatcher("/api/**", "/actuator/prometheus")
			// The API checks passwords only: accounts with a second factor cannot use
			// it, so a stolen password of such an account opens nothing here. A token
			// needs, besides its role, the scope of the endpoint.
			.authorizeHttpRequests((requests) -> requests.requestMatchers(HttpMethod.POST, "/api/snapshots")
				.access(api(AuthorityAuthorizationManager.hasRole(Role.OPERATOR.name()), TokenScope.IMPORT))
				.requestMatchers(HttpMethod.POST, "/api/users")
				.access(api(AuthorityAuthorizationManager.hasRole(Role.OPERATOR.name()), TokenScope.MANAGE_USERS))
				.requestMatchers("/api/tokens", "/api/tokens/**")
				.access(api(AuthorityAuthorizationManager.hasRole(Role.OPERATOR.name()), TokenScope.MANAGE_USERS))
				.requestMatchers("/api/audit.csv")
				.access(api(AuthorityAuthorizationManager.hasRole(Role.OPERATOR.name()), TokenScope.EXPORT))
				.requestMatchers("/api/snapshots/evaluate")
				.access(api(AuthorityAuthorizationManager.hasAnyRole(Role.OPERATOR.name(), Role.AUDITOR.name()),
						TokenScope.EVALUATE))
				.requestMatchers("/api/gateways/*/snapshot", "/api/reports/**")
				.access(api(AuthorityAuthorizationManager.hasAnyRole(Role.OPERATOR.name(), Role.AUDITOR.name()),
						TokenScope.EXPORT))
				.requestMatchers("/actuator/prometheus")
				.access(api(AuthorityAuthorizationManager.hasAnyRole(Role.OPERATOR.name(), Role.AUDITOR.name()),
						TokenScope.READ))
				.requestMatchers("/api/gateways/*/versions", "/api/gateways/*/versions/**")
				.access(api(AuthorityAuthorizationManager.hasAnyRole(Role.OPERATOR.name(), Role.AUDITOR.name()),
						TokenScope.READ))
				.requestMatchers("/api/tenants/*/report.pdf", "/api/tenants/*/findings.csv",
						"/api/tenants/*/history.csv")
				.access(api(AuthenticatedAuthorizationManager.authenticated(), TokenScope.EXPORT))
				.anyRequest()
				.access(api(AuthenticatedAuthorizationManager.authenticated(), TokenScope.READ)))
			.addFilterBefore(new BearerTokenFilter(tokens), BasicAuthenticationFilter.class)
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(basicAuth
					? SecurityConfiguration::apiAuthenticationRequired : SecurityConfiguration::bearerRequired))
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable());
		if (basicAuth) {
			http.httpBasic((basic) -> basic.realmName("SEPPmail hardening dashboard")
				.authenticationEntryPoint(SecurityConfiguration::apiAuthenticationRequired));
		}
		headers(http);
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain browser(HttpSecurity http, SecondFactorLogin secondFactor, SsoLogin sso, LocalLogin localLogin,
			@Value("${hardening.session.absolute-timeout:8h}") Duration absoluteTimeout) throws Exception {
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/login", "/login/no-access", "/css/**", "/js/**", "/img/**", "/webjars/**",
					"/favicon.ico", "/error", "/actuator/health", "/actuator/health/**")
			.permitAll()
			.requestMatchers("/login/second-factor")
			.hasAuthority(SecondFactorLogin.FACTOR_PENDING)
			// Role checks by URL before anything else, so that no request of the
			// wrong role reaches a controller; each controller checks again.
			// The API's description and Swagger UI (issue 16).
			.requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html",
					"/swagger-ui/**")
			.hasRole(Role.OPERATOR.name())
			.requestMatchers(HttpMethod.GET, "/import/history")
			.hasAnyRole(Role.OPERATOR.name(), Role.AUDITOR.name())
			.requestMatchers("/users", "/users/**", "/audit", "/audit.csv", "/import", "/import/**",
					"/tenants/*/settings", "/tenants/*/delete", "/tenants/*/domains", "/tenants/*/domains/*/delete")
			.hasRole(Role.OPERATOR.name())
			.requestMatchers(HttpMethod.POST, "/tenants/**", "/gateways/**", "/reference-data")
			.hasRole(Role.OPERATOR.name())
			// issue 15: a tenant admin's own subscriptions; everything else of
			// notifications
			// is the operators'.
			.requestMatchers("/notifications/mine", "/notifications/mine/**")
			.hasRole(Role.TENANT_ADMIN.name())
			.requestMatchers("/notifications", "/notifications/**", "/jobs", "/jobs/**")
			.hasRole(Role.OPERATOR.name())
			.requestMatchers("/tenants", "/gateways", "/gateways/**", "/reports/**", "/reference-data")
			.hasAnyRole(Role.OPERATOR.name(), Role.AUDITOR.name())
			.requestMatchers("/account/second-factor")
			.hasAnyAuthority(SecondFactorLogin.ENROLMENT_REQUIRED, Role.OPERATOR.authority(), Role.AUDITOR.authority(),
					Role.TENANT_ADMIN.authority())
			// A session that still owes its second factor may do nothing else.
			.anyRequest()
			.hasAnyAuthority(Role.OPERATOR.authority(), Role.AUDITOR.authority(), Role.TENANT_ADMIN.authority()))
			.formLogin((form) -> form.loginPage("/login")
				.authenticationDetailsSource(localLogin.formDetails())
				.successHandler(secondFactor)
				.failureHandler(SecurityConfiguration::loginFailed)
				.permitAll())
			.sessionManagement((session) -> session.sessionFixation((fixation) -> fixation.changeSessionId()))
			.addFilterBefore(new SessionLifetimeFilter(absoluteTimeout, Clock.systemUTC()),
					UsernamePasswordAuthenticationFilter.class)
			.logout((logout) -> logout.logoutUrl("/logout")
				.logoutSuccessUrl("/login?logout")
				.invalidateHttpSession(true)
				.deleteCookies("JSESSIONID"));
		// Single sign-on with OpenID Connect, where a provider is configured (issue 16).
		sso.configure(http);
		headers(http);
		return http.build();
	}

	/**
	 * Allowed by the given rule, for an account without a second factor, and for a token
	 * only with the given scope.
	 */
	private static AuthorizationManager<RequestAuthorizationContext> api(
			AuthorizationManager<RequestAuthorizationContext> rule, TokenScope scope) {
		return AuthorizationManagers.allOf(passwordOnly(rule),
				AuthorizationManagers.anyOf(
						AuthorizationManagers
							.not(AuthorityAuthorizationManager.hasAuthority(TokenAuthenticator.TOKEN_AUTHORITY)),
						AuthorityAuthorizationManager.hasAuthority(scope.authority())));
	}

	/** Allowed by the given rule, and for an account without a second factor. */
	private static AuthorizationManager<RequestAuthorizationContext> passwordOnly(
			AuthorizationManager<RequestAuthorizationContext> rule) {
		return AuthorizationManagers.allOf(rule,
				AuthorizationManagers.not(AuthorityAuthorizationManager.hasAuthority("SECOND_FACTOR_ENABLED")));
	}

	/**
	 * The same answer for unknown users and wrong passwords; a throttled attempt says
	 * when to retry, and so does a login that found the database unreachable.
	 */
	private static void apiAuthenticationRequired(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException ex) throws IOException {
		if (ex instanceof InternalAuthenticationServiceException && DatabaseUnavailable.causedBy(ex)) {
			DatabaseUnavailable.writeJson(response);
			return;
		}
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		if (ex instanceof LoginThrottledException throttled) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			response.setHeader("Retry-After", String.valueOf(throttled.retryAfter().toSeconds()));
			response.getWriter()
				.write("{\"errors\":[{\"path\":\"\",\"message\":\"Too many failed attempts; retry after "
						+ throttled.retryAfter().toSeconds() + " seconds\"}]}");
			return;
		}
		response.setHeader("WWW-Authenticate", "Basic realm=\"SEPPmail hardening dashboard\"");
		response.setStatus(HttpStatus.UNAUTHORIZED.value());
		response.getWriter().write("{\"errors\":[{\"path\":\"\",\"message\":\"Authentication required\"}]}");
	}

	/** With HTTP Basic switched off, only a bearer token gets in. */
	private static void bearerRequired(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException ex) throws IOException {
		response.setHeader("WWW-Authenticate", "Bearer");
		response.setStatus(HttpStatus.UNAUTHORIZED.value());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.getWriter().write("{\"errors\":[{\"path\":\"\",\"message\":\"Authentication required\"}]}");
	}

	private static void loginFailed(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException ex) throws IOException {
		if (ex instanceof InternalAuthenticationServiceException && DatabaseUnavailable.causedBy(ex)) {
			response.setHeader("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS);
			response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
			return;
		}
		String target = (ex instanceof LoginThrottledException throttled)
				? "/login?throttled=" + Math.max(1, throttled.retryAfter().toSeconds())
				: (ex instanceof LocalLoginOffException) ? "/login?local-off" : "/login?error";
		response.sendRedirect(request.getContextPath() + target);
	}

	private static void headers(HttpSecurity http) throws Exception {
		http.headers((headers) -> headers
			.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(SWAGGER_UI,
					new ContentSecurityPolicyHeaderWriter(SWAGGER_UI_CONTENT_SECURITY_POLICY)))
			.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(SWAGGER_UI),
					new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY)))
			.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
			.frameOptions((frame) -> frame.deny()));
	}

}
