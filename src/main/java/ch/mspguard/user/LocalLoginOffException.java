package ch.mspguard.user;

import org.springframework.security.core.AuthenticationException;

/**
 * The password was right, but local login is turned off for this account: it signs in
 * with single sign-on.
 */
public class LocalLoginOffException extends AuthenticationException {

	LocalLoginOffException() {
		super("Local login is turned off; sign in with single sign-on");
	}

}
