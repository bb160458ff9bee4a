package ch.mspguard.user;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

import ch.mspguard.audit.AuditAction;
import ch.mspguard.audit.AuditLog;
import ch.mspguard.tenant.Actor;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a single sign-on session as soon as the mapping table no longer grants what it
 * granted at sign-in: a removed (or changed) mapping takes effect on the user's next
 * request, not only at their next sign-in. Checked on every request of such a session,
 * one indexed query, so that it works with any session store (the servlet container's or
 * Spring Session's JDBC store, on any number of instances) without finding the sessions
 * to end.
 */
class SsoSessionCheck extends OncePerRequestFilter {

	/** The no-access page's reason for an ended session. */
	static final String ACCESS_CHANGED = "access-changed";

	private final SsoLogin sso;

	private final AuditLog audit;

	SsoSessionCheck(SsoLogin sso, AuditLog audit) {
		this.sso = sso;
		this.audit = audit;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof SsoLogin.SignedInUser user) {
			Optional<Actor> actor = Actor.current();
			SsoDecision now = this.sso.currentGrant(user.claimValues());
			if (actor.isEmpty() || !now.grants(actor.get().role(), actor.get().tenantId())) {
				end(request, user, now);
				response.sendRedirect(request.getContextPath() + "/login/no-access?reason=" + ACCESS_CHANGED);
				return;
			}
		}
		chain.doFilter(request, response);
	}

	private void end(HttpServletRequest request, SsoLogin.SignedInUser user, SsoDecision now) {
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		SecurityContextHolder.clearContext();
		this.audit.recordAnonymous(user.getName(), AuditAction.SSO_SESSION_ENDED, user.getName(),
				Map.of("reason", ACCESS_CHANGED, "grantsNow", now.granted() ? now.role().name() : now.denial()));
	}

}
