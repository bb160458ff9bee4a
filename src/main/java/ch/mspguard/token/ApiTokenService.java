package ch.mspguard.token;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ch.mspguard.audit.AuditAction;
import ch.mspguard.audit.AuditLog;
import ch.mspguard.tenant.Actor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, lists and revokes API tokens. Every change is audited; no secret ever reaches
 * the audit log, the database or a list.
 */
@Service
public class ApiTokenService {

	private final ApiTokenRepository tokens;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Clock clock = Clock.systemUTC();

	ApiTokenService(ApiTokenRepository tokens, JdbcClient jdbc, AuditLog audit) {
		this.tokens = tokens;
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/**
	 * @return the token, with its secret this once
	 * @throws InvalidTokenRequestException naming every field that is wrong
	 */
	@Transactional
	public CreatedToken create(NewToken request) {
		return create(request, this.clock.instant());
	}

	/** Creates a token as if it were the given time (tests make expired tokens so). */
	@Transactional
	CreatedToken create(NewToken request, Instant now) {
		TokenRequestValidator check = new TokenRequestValidator();
		String name = check.name(request.name(), this.tokens::existsByNameIgnoringCase);
		List<TokenScope> scopes = check.scopes(request.scopes());
		UUID tenantId = check.tenant(request.tenantId(), scopes, this::tenantExists);
		LocalDate expiresOn = check.expiresOn(request.expiresOn(), LocalDate.ofInstant(now, ZoneOffset.UTC));
		String network = check.network(request.allowedNetwork());
		if (!check.errors().isEmpty()) {
			throw new InvalidTokenRequestException(check.errors());
		}
		TokenSecret secret = TokenSecret.generate();
		// The token works through the whole of its last day (UTC).
		Instant expiresAt = expiresOn.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
		ApiToken token = this.tokens
			.save(new ApiToken(name, secret, scopes, tenantId, network, expiresAt, now, Actor.require().name()));
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("prefix", token.getPrefix());
		details.put("scopes", scopes.stream().map(TokenScope::text).toList());
		details.put("tenantId", String.valueOf(tenantId));
		details.put("expiresAt", expiresAt.toString());
		details.put("allowedNetwork", String.valueOf(network));
		this.audit.record(AuditAction.API_TOKEN_CREATED, name, details);
		return new CreatedToken(secret.token(), TokenView.of(token, now));
	}

	/** Every token, newest first, revoked and expired ones too. */
	@Transactional(readOnly = true)
	public List<TokenView> list() {
		Instant now = this.clock.instant();
		return this.tokens.findAllByOrderByCreatedAtDesc().stream().map((token) -> TokenView.of(token, now)).toList();
	}

	/**
	 * One token as lists show it.
	 * @throws TokenNotFoundException when there is no such token
	 */
	@Transactional(readOnly = true)
	public TokenView find(UUID id) {
		return this.tokens.findById(id)
			.map((token) -> TokenView.of(token, this.clock.instant()))
			.orElseThrow(() -> new TokenNotFoundException(id));
	}

	/**
	 * Revokes a token at once; it stays in the list.
	 * @throws TokenNotFoundException when there is no such token
	 */
	@Transactional
	public TokenView revoke(UUID id) {
		ApiToken token = this.tokens.findById(id).orElseThrow(() -> new TokenNotFoundException(id));
		Instant now = this.clock.instant();
		if (token.getRevokedAt() == null) {
			token.revoke(now, Actor.require().name());
			this.audit.record(AuditAction.API_TOKEN_REVOKED, token.getName(), Map.of("prefix", token.getPrefix()));
		}
		return TokenView.of(token, now);
	}

	private boolean tenantExists(UUID tenantId) {
		return this.jdbc.sql("SELECT count(*) FROM tenant WHERE id = ?").param(tenantId).query(Long.class).single() > 0;
	}

}
