package ch.mspguard.gateway;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A gateway, tenant or domain that does not exist (or that the actor may not see).
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class NotFoundException extends RuntimeException {

	public NotFoundException(String what) {
		super("Not found: " + what);
	}

}
