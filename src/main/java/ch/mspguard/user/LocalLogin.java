package ch.mspguard.user;

import java.io.Serial;

import ch.mspguard.tenant.Role;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AuthenticationDetailsSource;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Whether people may log in with a local password on the login form
 * ({@code hardening.login.local-form}, on by default). Where single sign-on is the rule
 * it is turned off, and then only the emergency account
 * ({@code hardening.login.emergency-account}, an operator) still logs in locally, for the
 * day the provider is down. HTTP Basic on the API has its own switch
 * ({@code hardening.api.basic-auth}).
 */
@Component
public class LocalLogin {

	private final boolean formOn;

	private final String emergencyAccount;

	LocalLogin(@Value("${hardening.login.local-form:true}") boolean formOn,
			@Value("${hardening.login.emergency-account:}") String emergencyAccount) {
		this.formOn = formOn;
		this.emergencyAccount = emergencyAccount.strip();
	}

	/** Whether the login page shows the form to everyone. */
	public boolean formOn() {
		return this.formOn;
	}

	/** Marks the logins of the form, as against HTTP Basic on the API. */
	public AuthenticationDetailsSource<HttpServletRequest, WebAuthenticationDetails> formDetails() {
		return FormDetails::new;
	}

	/**
	 * Whether a password login that succeeded may become a session: always while the form
	 * is on, else only for the emergency account, and only while it is an operator.
	 */
	boolean allows(Authentication login) {
		if (this.formOn || !(login.getDetails() instanceof FormDetails)) {
			return true;
		}
		return !this.emergencyAccount.isEmpty() && this.emergencyAccount.equals(login.getName())
				&& login.getAuthorities()
					.stream()
					.anyMatch((granted) -> Role.OPERATOR.authority().equals(granted.getAuthority()));
	}

	/** The details of a login through the form. */
	static final class FormDetails extends WebAuthenticationDetails {

		@Serial
		private static final long serialVersionUID = 1L;

		FormDetails(HttpServletRequest request) {
			super(request);
		}

	}

}
