package ch.mspguard.token;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import ch.mspguard.gateway.Network;
import ch.mspguard.tenant.Actor;
import ch.mspguard.tenant.Role;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns a bearer token into the principal it stands for, and records its use. A token
 * acts exactly like a user of its kind, database role and tenant included:
 * <ul>
 * <li>restricted to a tenant, as that tenant's admin (read-only, that tenant's rows
 * only);</li>
 * <li>with a scope that changes data ({@code import}, {@code manage-users}), as an
 * operator;</li>
 * <li>otherwise as an auditor, read-only in the database.</li>
 * </ul>
 * Its scopes then narrow what the role may do. The principal's name is
 * {@code token:<name>}, so the audit log names the token for everything it changes.
 */
@Component
public class TokenAuthenticator {

	/** The authority every token principal carries. */
	public static final String TOKEN_AUTHORITY = "API_TOKEN";

	private final ApiTokenRepository tokens;

	private final Clock clock = Clock.systemUTC();

	TokenAuthenticator(ApiTokenRepository tokens) {
		this.tokens = tokens;
	}

	/**
	 * @param token the bearer token as sent
	 * @param address the client's address
	 * @return the principal, empty for an unknown, expired or revoked token or one used
	 * from outside its network (all the same to the caller)
	 */
	@Transactional
	public Optional<Authentication> authenticate(String token, String address) {
		if (token == null || !token.startsWith(TokenSecret.PREFIX)) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		Optional<ApiToken> found = this.tokens.findBySecretHash(TokenSecret.hash(token))
			.filter((candidate) -> candidate.isActive(now))
			.filter((candidate) -> fromAllowedNetwork(candidate, address));
		found.ifPresent((used) -> this.tokens.recordUse(used.getId(), now, address));
		return found.map(TokenAuthenticator::principal);
	}

	private static boolean fromAllowedNetwork(ApiToken token, String address) {
		if (token.getAllowedNetwork() == null) {
			return true;
		}
		IPAddress client = (address != null) ? new IPAddressString(address).getAddress() : null;
		return client != null && Network.parse(token.getAllowedNetwork())
			.blocks()
			.stream()
			.anyMatch((block) -> block.getIPVersion() == client.getIPVersion() && block.contains(client));
	}

	private static Authentication principal(ApiToken token) {
		List<GrantedAuthority> authorities = new ArrayList<>();
		authorities.add(new SimpleGrantedAuthority(role(token).authority()));
		if (token.getTenantId() != null) {
			authorities.add(new SimpleGrantedAuthority(Actor.TENANT_AUTHORITY_PREFIX + token.getTenantId()));
		}
		authorities.add(new SimpleGrantedAuthority(TOKEN_AUTHORITY));
		token.getScopes().forEach((scope) -> authorities.add(new SimpleGrantedAuthority(scope.authority())));
		return UsernamePasswordAuthenticationToken.authenticated("token:" + token.getName(), null, authorities);
	}

	private static Role role(ApiToken token) {
		if (token.getTenantId() != null) {
			return Role.TENANT_ADMIN;
		}
		return token.getScopes().stream().anyMatch(TokenScope.WRITING::contains) ? Role.OPERATOR : Role.AUDITOR;
	}

}
