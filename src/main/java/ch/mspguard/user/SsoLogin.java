package ch.mspguard.user;

import java.io.IOException;
import java.io.Serial;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import ch.mspguard.audit.AuditAction;
import ch.mspguard.audit.AuditLog;
import ch.mspguard.tenant.Actor;
import ch.mspguard.tenant.Role;
import ch.mspguard.tenant.SystemActor;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sign-in with an OpenID Connect provider. The provider proves who someone is; the
 * mapping table (operators edit it on {@code /users/sso-mappings}) decides what they may
 * do, from the values of one claim, at every sign-in: the account is created at the first
 * and its role and tenant updated at each, so a removed mapping takes effect at the next
 * sign-in. Whoever is refused sees the no-access page and leaves an audit entry.
 */
@Component
@EnableConfigurationProperties(SsoProperties.class)
public class SsoLogin extends OidcUserService {

	/** The authority of a session that signed in through the provider. */
	static final String SSO_AUTHORITY = "SSO_SIGN_IN";

	static final Set<String> DENIALS = Set.of("no-mapping", "several-tenants", "mfa-required", "local-account",
			"disabled", "no-username", SsoSessionCheck.ACCESS_CHANGED);

	private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,100}");

	private static final SecureRandom RANDOM = new SecureRandom();

	private final SsoProperties properties;

	private final SsoMappingRepository mappings;

	private final UserAccountRepository users;

	private final PasswordEncoder encoder;

	private final AuditLog audit;

	private final TransactionTemplate transactions;

	private final ObjectProvider<ClientRegistrationRepository> clients;

	SsoLogin(SsoProperties properties, SsoMappingRepository mappings, UserAccountRepository users,
			PasswordEncoder encoder, AuditLog audit, TransactionTemplate transactions,
			ObjectProvider<ClientRegistrationRepository> clients) {
		this.properties = properties;
		this.mappings = mappings;
		this.users = users;
		this.encoder = encoder;
		this.audit = audit;
		this.transactions = transactions;
		this.clients = clients;
	}

	/**
	 * Adds the sign-in with the configured providers to the browser's filter chain; does
	 * nothing when none is configured.
	 */
	public void configure(HttpSecurity http) throws Exception {
		// Sessions of single sign-on are checked even with no provider configured (any
		// more): they may outlive the configuration in the session store.
		http.addFilterBefore(new SsoSessionCheck(this, this.audit), AuthorizationFilter.class);
		if (this.clients.getIfAvailable() == null) {
			return;
		}
		http.oauth2Login((login) -> login.loginPage("/login")
			.userInfoEndpoint((endpoint) -> endpoint.oidcUserService(this))
			.failureHandler((request, response, ex) -> noAccess(request.getContextPath(), response, ex)));
	}

	/** The configured providers, for the login page's buttons. */
	public List<Provider> providers() {
		ClientRegistrationRepository repository = this.clients.getIfAvailable();
		if (!(repository instanceof Iterable<?> registrations)) {
			return List.of();
		}
		return StreamSupport.stream(registrations.spliterator(), false)
			.map((registration) -> (ClientRegistration) registration)
			.map((registration) -> new Provider(registration.getRegistrationId(), registration.getClientName()))
			.toList();
	}

	@Override
	public OidcUser loadUser(OidcUserRequest request) {
		OidcUser user = super.loadUser(request);
		String issuer = String.valueOf(user.getIssuer());
		String username = username(user);
		List<String> values = claimValues(user.getClaims().get(this.properties.roleClaim()));
		SsoDecision decision = SystemActor.call("sso-login",
				() -> this.transactions.execute((tx) -> signIn(username, issuer, values, user)));
		if (!decision.granted()) {
			throw new OAuth2AuthenticationException(new OAuth2Error("access_denied", decision.denial(), null));
		}
		List<GrantedAuthority> authorities = new ArrayList<>();
		authorities.add(new SimpleGrantedAuthority(decision.role().authority()));
		if (decision.tenantId() != null) {
			authorities.add(new SimpleGrantedAuthority(Actor.TENANT_AUTHORITY_PREFIX + decision.tenantId()));
		}
		authorities.add(new SimpleGrantedAuthority(SSO_AUTHORITY));
		return new SignedInUser(authorities, user, username, values);
	}

	/**
	 * What the given claim values grant now, by the mapping table alone; for sessions
	 * that signed in with them earlier.
	 */
	SsoDecision currentGrant(List<String> values) {
		return SystemActor.call("sso-session-check",
				() -> this.transactions.execute((tx) -> SsoDecision.of(this.mappings.findByClaimValueIn(values))));
	}

	private SsoDecision signIn(String username, String issuer, List<String> values, OidcUser user) {
		SsoDecision decision = (username == null) ? SsoDecision.denied("no-username")
				: SsoDecision.of(this.mappings.findByClaimValueIn(values));
		if (decision.granted() && decision.role() == Role.OPERATOR && this.properties.requireMfaForOperators()
				&& !assertsMfa(user)) {
			decision = SsoDecision.denied("mfa-required");
		}
		if (decision.granted()) {
			decision = updateAccount(username, issuer, decision);
		}
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("issuer", issuer);
		details.put(this.properties.roleClaim(), values);
		if (decision.granted()) {
			details.put("role", decision.role().name());
			details.put("tenantId", String.valueOf(decision.tenantId()));
			this.audit.record(AuditAction.SSO_LOGIN_SUCCEEDED, username, details);
		}
		else {
			details.put("reason", decision.denial());
			this.audit.record(AuditAction.SSO_LOGIN_DENIED, String.valueOf(username), details);
		}
		return decision;
	}

	private SsoDecision updateAccount(String username, String issuer, SsoDecision decision) {
		var existing = this.users.findByUsername(username);
		if (existing.isEmpty()) {
			byte[] secret = new byte[32];
			RANDOM.nextBytes(secret);
			this.users
				.save(UserAccount.fromSso(username, this.encoder.encode(Base64.getEncoder().encodeToString(secret)),
						decision.role(), decision.tenantId(), issuer));
			return decision;
		}
		UserAccount account = existing.get();
		if (!issuer.equals(account.getSsoIssuer())) {
			return SsoDecision.denied("local-account");
		}
		if (!account.isEnabled()) {
			return SsoDecision.denied("disabled");
		}
		account.assignFromSso(decision.role(), decision.tenantId());
		return decision;
	}

	private boolean assertsMfa(OidcUser user) {
		List<String> amr = claimValues(user.getClaims().get("amr"));
		return amr.stream().anyMatch(this.properties.mfaAmrValues()::contains)
				|| (user.getClaims().get("acr") instanceof String acr && this.properties.mfaAcrValues().contains(acr));
	}

	private String username(OidcUser user) {
		for (String claim : List.of(this.properties.usernameClaim(), "email", "sub")) {
			if (user.getClaims().get(claim) instanceof String value && USERNAME.matcher(value).matches()) {
				return value;
			}
		}
		return null;
	}

	private static List<String> claimValues(Object claim) {
		if (claim instanceof Collection<?> values) {
			return values.stream().map(String::valueOf).toList();
		}
		return (claim instanceof String value) ? List.of(value) : List.of();
	}

	private static void noAccess(String contextPath, jakarta.servlet.http.HttpServletResponse response,
			org.springframework.security.core.AuthenticationException ex) throws IOException {
		String reason = (ex instanceof OAuth2AuthenticationException oauth
				&& DENIALS.contains(oauth.getError().getDescription())) ? oauth.getError().getDescription()
						: "provider";
		response.sendRedirect(contextPath + "/login/no-access?reason=" + reason);
	}

	/** A provider on the login page. */
	public record Provider(String id, String name) {

	}

	/**
	 * The provider's user under the name the mapping gave, with the mapped authorities.
	 */
	static final class SignedInUser extends DefaultOidcUser {

		@Serial
		private static final long serialVersionUID = 1L;

		private final String username;

		/** The values of the role claim at sign-in, which the mapping table judged. */
		private final List<String> claimValues;

		SignedInUser(Collection<? extends GrantedAuthority> authorities, OidcUser user, String username,
				List<String> claimValues) {
			super(authorities, user.getIdToken(), user.getUserInfo());
			this.username = username;
			this.claimValues = List.copyOf(claimValues);
		}

		List<String> claimValues() {
			return this.claimValues;
		}

		@Override
		public String getName() {
			return this.username;
		}

	}

}
