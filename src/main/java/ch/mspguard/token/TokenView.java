package ch.mspguard.token;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A token as lists show it: everything but the secret, which exists only once, in the
 * answer to its creation.
 */
public record TokenView(UUID id, String name, String prefix, List<String> scopes, UUID tenantId, String allowedNetwork,
		Instant expiresAt, Instant createdAt, String createdBy, Instant lastUsedAt, String lastUsedAddress,
		Instant revokedAt, String revokedBy, String status) {

	static TokenView of(ApiToken token, Instant now) {
		String status = (token.getRevokedAt() != null) ? "revoked" : token.isActive(now) ? "active" : "expired";
		return new TokenView(token.getId(), token.getName(), token.getPrefix(),
				token.getScopes().stream().map(TokenScope::text).toList(), token.getTenantId(),
				token.getAllowedNetwork(), token.getExpiresAt(), token.getCreatedAt(), token.getCreatedBy(),
				token.getLastUsedAt(), token.getLastUsedAddress(), token.getRevokedAt(), token.getRevokedBy(), status);
	}

}
