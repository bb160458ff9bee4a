package ch.mspguard.user;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import ch.mspguard.tenant.Role;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sessions of users signed in with single sign-on, for tests that need many (the
 * authorization matrix): the provider's ID token is made here, and the application's own
 * sign-in ({@link SsoLogin}: the mapping table, the account, the audit entry, the
 * authorities) turns it into the session's user. The exchange with a real provider is
 * {@code SingleSignOnBrowserTests}' part.
 */
@Component
public class TestSsoUsers {

	static final String ISSUER = "https://idp.matrix.example";

	private final SsoLogin sso;

	private final SsoMappingRepository mappings;

	private final TransactionTemplate transactions;

	TestSsoUsers(SsoLogin sso, SsoMappingRepository mappings, TransactionTemplate transactions) {
		this.sso = sso;
		this.mappings = mappings;
		this.transactions = transactions;
	}

	/**
	 * A session of the given user, whose group the mapping table maps to the given role
	 * (and tenant).
	 */
	public MockHttpSession session(String username, Role role, UUID tenantId) {
		String group = "matrix-" + role.name().toLowerCase() + ((tenantId != null) ? "-" + tenantId : "");
		ensureMapping(group, role, tenantId);
		Instant now = Instant.now();
		OidcIdToken idToken = OidcIdToken.withTokenValue("id-token")
			.issuer(ISSUER)
			.subject(username)
			.audience(List.of("matrix"))
			.claim("preferred_username", username)
			.claim("groups", List.of(group))
			.claim("amr", List.of("pwd", "mfa"))
			.issuedAt(now)
			.expiresAt(now.plusSeconds(3600))
			.build();
		OAuth2AccessToken accessToken = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "access-token", now,
				now.plusSeconds(3600));
		OidcUser user = this.sso.loadUser(new OidcUserRequest(registration(), accessToken, idToken));
		MockHttpSession session = new MockHttpSession();
		session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY,
				new SecurityContextImpl(new OAuth2AuthenticationToken(user, user.getAuthorities(), "idp")));
		return session;
	}

	private void ensureMapping(String group, Role role, UUID tenantId) {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("test-operator", null,
					List.of(new SimpleGrantedAuthority(Role.OPERATOR.authority()))));
		try {
			this.transactions.executeWithoutResult((tx) -> {
				if (!this.mappings.existsByClaimValue(group)) {
					this.mappings.save(new SsoMapping(group, role, tenantId, "test"));
				}
			});
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	/** A provider without a user-info endpoint: the ID token alone names the user. */
	private static ClientRegistration registration() {
		return ClientRegistration.withRegistrationId("idp")
			.clientId("matrix")
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
			.authorizationUri(ISSUER + "/authorize")
			.tokenUri(ISSUER + "/token")
			.jwkSetUri(ISSUER + "/jwks")
			.userNameAttributeName("sub")
			.scope("openid")
			.build();
	}

}
