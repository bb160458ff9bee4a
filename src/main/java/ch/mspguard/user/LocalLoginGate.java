package ch.mspguard.user;

import java.util.LinkedHashMap;
import java.util.Map;

import ch.mspguard.audit.AuditAction;
import ch.mspguard.audit.AuditLog;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Refuses a password login on the form when local login is turned off and the account is
 * not the emergency account. The password is checked first, so that the refusal tells
 * nothing to whoever does not know it (a wrong password gets the usual answer) and the
 * emergency account's name cannot be found by trying names.
 */
class LocalLoginGate implements AuthenticationProvider {

	private final AuthenticationProvider delegate;

	private final LocalLogin localLogin;

	private final AuditLog audit;

	LocalLoginGate(AuthenticationProvider delegate, LocalLogin localLogin, AuditLog audit) {
		this.delegate = delegate;
		this.localLogin = localLogin;
		this.audit = audit;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		Authentication result = this.delegate.authenticate(authentication);
		if (result != null && !this.localLogin.allows(result)) {
			Map<String, Object> details = new LinkedHashMap<>();
			if (result.getDetails() instanceof WebAuthenticationDetails web) {
				details.put("address", web.getRemoteAddress());
			}
			details.put("reason", "local login turned off");
			this.audit.recordAnonymous(result.getName(), AuditAction.LOGIN_FAILED, null, details);
			throw new LocalLoginOffException();
		}
		return result;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return this.delegate.supports(authentication);
	}

}
