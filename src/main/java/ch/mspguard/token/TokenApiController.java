package ch.mspguard.token;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import ch.mspguard.gateway.ValidationErrors;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * API tokens for operators (and tokens with the {@code manage-users} scope): create one
 * (its secret in this answer only), list them with their last use, revoke one.
 */
@RestController
@PreAuthorize("hasRole('OPERATOR')")
class TokenApiController {

	private final ApiTokenService tokens;

	private final MessageSource messages;

	TokenApiController(ApiTokenService tokens, MessageSource messages) {
		this.tokens = tokens;
		this.messages = messages;
	}

	@PostMapping("/api/tokens")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> create(@RequestBody NewToken request) {
		CreatedToken created = this.tokens.create(request);
		TokenView details = created.details();
		return Map.of("id", details.id(), "token", created.token(), "name", details.name(), "prefix", details.prefix(),
				"scopes", details.scopes(), "expiresAt", details.expiresAt());
	}

	@GetMapping("/api/tokens")
	List<TokenView> list() {
		return this.tokens.list();
	}

	@DeleteMapping("/api/tokens/{tokenId}")
	TokenView revoke(@PathVariable UUID tokenId) {
		return this.tokens.revoke(tokenId);
	}

	@ExceptionHandler(InvalidTokenRequestException.class)
	ResponseEntity<Map<String, Object>> invalid(InvalidTokenRequestException ex, Locale locale) {
		return ResponseEntity.badRequest().body(ValidationErrors.body(this.messages, ex.errors(), locale));
	}

}
