package ch.mspguard.token;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

@ResponseStatus(HttpStatus.NOT_FOUND)
class TokenNotFoundException extends RuntimeException {

	TokenNotFoundException(UUID id) {
		super("No token " + id);
	}

}
