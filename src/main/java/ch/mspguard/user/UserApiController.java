package ch.mspguard.user;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import ch.mspguard.gateway.ValidationErrors;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@PreAuthorize("hasRole('OPERATOR')")
class UserApiController {

	private final UserService users;

	private final MessageSource messages;

	UserApiController(UserService users, MessageSource messages) {
		this.users = users;
		this.messages = messages;
	}

	@PostMapping("/api/users")
	@ResponseStatus(HttpStatus.CREATED)
	Created create(@RequestBody NewUser user) {
		return new Created(this.users.create(user), user.username());
	}

	/** The answer to a created user. */
	record Created(UUID id, String username) {
	}

	@ExceptionHandler(InvalidUserException.class)
	ResponseEntity<Map<String, Object>> invalid(InvalidUserException ex, Locale locale) {
		return ResponseEntity.badRequest().body(ValidationErrors.body(this.messages, ex.errors(), locale));
	}

}
