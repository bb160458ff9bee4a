package ch.mspguard.user;

import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * The second step of an interactive login. A correct password alone yields a session that
 * may do nothing but enter the code (or, when a second factor is required and the user
 * has none yet, enrol one); the full authentication is kept aside in the session until
 * then.
 */
@Component
public class SecondFactorLogin implements AuthenticationSuccessHandler {

	/** The authority of a session that still owes its code. */
	public static final String FACTOR_PENDING = "FACTOR_PENDING";

	/**
	 * The authority of a session that must enrol a second factor before anything else.
	 */
	public static final String ENROLMENT_REQUIRED = "ENROLMENT_REQUIRED";

	static final String ORIGINAL = SecondFactorLogin.class.getName() + ".original";

	private final SecondFactorService secondFactor;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	SecondFactorLogin(SecondFactorService secondFactor) {
		this.secondFactor = secondFactor;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException {
		String user = authentication.getName();
		boolean enrolled = this.secondFactor.isEnabled(user);
		if (!enrolled && !this.secondFactor.isRequiredForEveryone()) {
			response.sendRedirect(request.getContextPath() + "/");
			return;
		}
		request.getSession().setAttribute(ORIGINAL, authentication);
		replace(request, response, UsernamePasswordAuthenticationToken.authenticated(user, null,
				List.of(new SimpleGrantedAuthority(enrolled ? FACTOR_PENDING : ENROLMENT_REQUIRED))));
		response
			.sendRedirect(request.getContextPath() + (enrolled ? "/login/second-factor" : "/account/second-factor"));
	}

	/** Completes the login with the authentication the password earned. */
	boolean complete(HttpServletRequest request, HttpServletResponse response) {
		HttpSession session = request.getSession(false);
		if (session == null || !(session.getAttribute(ORIGINAL) instanceof Authentication original)) {
			return false;
		}
		session.removeAttribute(ORIGINAL);
		request.changeSessionId();
		replace(request, response, original);
		return true;
	}

	/**
	 * Runs work as the user the password identified, for the enrolment's own database
	 * writes.
	 */
	<T> T asOriginal(HttpServletRequest request, Supplier<T> work) {
		HttpSession session = request.getSession(false);
		Authentication original = (session != null) ? (Authentication) session.getAttribute(ORIGINAL) : null;
		if (original == null) {
			return work.get();
		}
		SecurityContext previous = SecurityContextHolder.getContext();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(original);
		SecurityContextHolder.setContext(context);
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

	private void replace(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		SecurityContextHolder.setContext(context);
		this.contexts.saveContext(context, request, response);
	}

}
