package ch.mspguard.user;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks the password only when the throttle allows the attempt, and answers every
 * failure the same way: wrong password, unknown user and disabled account all cost one
 * password hash and all end as bad credentials.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

	private final DaoAuthenticationProvider delegate;

	private final LoginThrottle throttle;

	ThrottledAuthenticationProvider(DaoAuthenticationProvider delegate, LoginThrottle throttle) {
		this.delegate = delegate;
		this.throttle = throttle;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String username = LoginNames.bounded(authentication.getName());
		String address = (authentication.getDetails() instanceof WebAuthenticationDetails details)
				? details.getRemoteAddress() : null;
		var wait = this.throttle.waitFor(username, address);
		if (wait.isPresent()) {
			throw new LoginThrottledException(wait.get());
		}
		if (!LoginNames.isPossibleAccount(authentication.getName())) {
			// No account can have this name: nothing to look up or hash, but it counts.
			this.throttle.failed(username, address);
			throw new BadCredentialsException("Bad credentials");
		}
		try {
			Authentication result = this.delegate.authenticate(authentication);
			this.throttle.succeeded(username);
			return result;
		}
		catch (InternalAuthenticationServiceException ex) {
			// The accounts could not be read (the database is down, say): no attempt was
			// judged, so none is counted, and the caller is told so rather than "bad
			// credentials".
			throw ex;
		}
		catch (AuthenticationException ex) {
			this.throttle.failed(username, address);
			throw new BadCredentialsException("Bad credentials");
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
