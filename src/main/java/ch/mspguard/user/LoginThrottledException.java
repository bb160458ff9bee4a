package ch.mspguard.user;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/**
 * Too many failed attempts for this account name or source address; try again later.
 */
public class LoginThrottledException extends AuthenticationException {

	private final Duration retryAfter;

	LoginThrottledException(Duration retryAfter) {
		super("Too many failed attempts; retry after " + retryAfter.toSeconds() + " s");
		this.retryAfter = retryAfter;
	}

	public Duration retryAfter() {
		return this.retryAfter;
	}

}
