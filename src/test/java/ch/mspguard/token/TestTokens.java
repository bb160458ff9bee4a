package ch.mspguard.token;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import ch.mspguard.TestUsers;
import ch.mspguard.tenant.Role;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * API tokens for tests of other modules, made through the token service as an operator
 * would make them; expired ones are made as if created two years ago.
 */
@Component
public class TestTokens {

	private final ApiTokenService tokens;

	TestTokens(ApiTokenService tokens) {
		this.tokens = tokens;
	}

	/**
	 * A token valid for a month with the given scopes, restricted to the tenant if given.
	 */
	public String create(List<String> scopes, UUID tenantId) {
		return asOperator(
				() -> this.tokens.create(request(scopes, tenantId, LocalDate.now(ZoneOffset.UTC).plusMonths(1)))
					.token());
	}

	/** A token whose last day has passed. */
	public String expired(List<String> scopes) {
		Instant twoYearsAgo = Instant.now().minusSeconds(2 * 366 * 24 * 3600L);
		LocalDate lastDay = LocalDate.ofInstant(twoYearsAgo, ZoneOffset.UTC).plusDays(30);
		return asOperator(() -> this.tokens.create(request(scopes, null, lastDay), twoYearsAgo).token());
	}

	/** A token an operator has revoked. */
	public String revoked(List<String> scopes) {
		return asOperator(() -> {
			CreatedToken created = this.tokens
				.create(request(scopes, null, LocalDate.now(ZoneOffset.UTC).plusMonths(1)));
			this.tokens.revoke(created.details().id());
			return created.token();
		});
	}

	private static NewToken request(List<String> scopes, UUID tenantId, LocalDate lastDay) {
		return new NewToken("test " + UUID.randomUUID(), scopes, (tenantId != null) ? tenantId.toString() : null,
				lastDay.toString(), null);
	}

	private static <T> T asOperator(Supplier<T> work) {
		SecurityContext previous = SecurityContextHolder.getContext();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(TestUsers.OPERATOR, null,
				List.of(new SimpleGrantedAuthority(Role.OPERATOR.authority()))));
		SecurityContextHolder.setContext(context);
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

}
