package ch.mspguard.user;

import ch.mspguard.audit.AuditLog;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
class LoginConfiguration {

	@Bean
	AuthenticationProvider authenticationProvider(UserDetailsService users, PasswordEncoder encoder,
			LoginThrottle throttle, LocalLogin localLogin, AuditLog audit) {
		return new LocalLoginGate(new ThrottledAuthenticationProvider(passwordFirst(users, encoder), throttle),
				localLogin, audit);
	}

	/**
	 * Checks the password first and the account's state after, so that a disabled account
	 * answers as slowly, and the same, as a wrong password.
	 */
	static DaoAuthenticationProvider passwordFirst(UserDetailsService users, PasswordEncoder encoder) {
		DaoAuthenticationProvider dao = new DaoAuthenticationProvider(users);
		dao.setPasswordEncoder(encoder);
		dao.setPreAuthenticationChecks((user) -> {
		});
		dao.setPostAuthenticationChecks((user) -> {
			if (!user.isEnabled()) {
				throw new DisabledException("Account disabled");
			}
		});
		return dao;
	}

}
