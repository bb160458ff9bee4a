package ch.mspguard.user;

import java.util.LinkedHashMap;
import java.util.Map;

import ch.mspguard.audit.AuditAction;
import ch.mspguard.audit.AuditLog;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureServiceExceptionEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Writes interactive logins and every failed login, from the form and the API alike, to
 * the audit log. (Each API request authenticates anew; logging those successes would
 * drown the log.)
 */
@Component
class LoginAudit {

	private final AuditLog audit;

	LoginAudit(AuditLog audit) {
		this.audit = audit;
	}

	@EventListener
	void succeeded(InteractiveAuthenticationSuccessEvent event) {
		this.audit.recordAnonymous(event.getAuthentication().getName(), AuditAction.LOGIN_SUCCEEDED, null,
				details(event.getAuthentication().getDetails(), null));
	}

	@EventListener
	void failed(AbstractAuthenticationFailureEvent event) {
		if (event instanceof AuthenticationFailureServiceExceptionEvent) {
			// No password was judged: the accounts (and this log) could not be reached.
			return;
		}
		String reason = (event.getException() instanceof LoginThrottledException) ? "throttled" : "bad credentials";
		this.audit.recordAnonymous(LoginNames.bounded(event.getAuthentication().getName()), AuditAction.LOGIN_FAILED,
				null, details(event.getAuthentication().getDetails(), reason));
	}

	private static Map<String, Object> details(Object details, String reason) {
		Map<String, Object> result = new LinkedHashMap<>();
		if (details instanceof WebAuthenticationDetails web) {
			result.put("address", web.getRemoteAddress());
		}
		if (reason != null) {
			result.put("reason", reason);
		}
		return result;
	}

}
