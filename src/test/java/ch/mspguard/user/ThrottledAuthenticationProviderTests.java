package ch.mspguard.user;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import ch.mspguard.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Unknown user, wrong password and disabled account: the same exception and the same work
 * (one password hash each), so neither the answer nor its timing tells them apart. On the
 * real database, where the throttle keeps its counts.
 */
@IntegrationTest
class ThrottledAuthenticationProviderTests {

	final AtomicInteger hashes = new AtomicInteger();

	final PasswordEncoder encoder = new PasswordEncoder() {
		@Override
		public String encode(CharSequence raw) {
			return "hash:" + raw;
		}

		@Override
		public boolean matches(CharSequence raw, String encoded) {
			ThrottledAuthenticationProviderTests.this.hashes.incrementAndGet();
			return encoded.equals("hash:" + raw);
		}
	};

	ThrottledAuthenticationProvider provider;

	@BeforeEach
	void createProvider(@Autowired LoginFailures failures) {
		this.provider = provider(failures);
	}

	@Test
	void unknownUserWrongPasswordAndDisabledAccountLookAlike() {
		for (String[] attempt : new String[][] { { "nobody", "secret-password" }, { "alice", "wrong-password" },
				{ "disabled", "wrong-password" }, { "disabled", "right-password" } }) {
			this.hashes.set(0);
			assertThatThrownBy(() -> this.provider
				.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(attempt[0], attempt[1])))
				.isExactlyInstanceOf(BadCredentialsException.class)
				.hasMessage("Bad credentials");
			assertThat(this.hashes).as(attempt[0]).hasValue(1);
		}
		assertThat(this.provider
			.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("alice", "right-password"))
			.isAuthenticated()).isTrue();
	}

	private ThrottledAuthenticationProvider provider(LoginFailures failures) {
		DaoAuthenticationProvider dao = LoginConfiguration.passwordFirst((username) -> switch (username) {
			case "alice" -> user("alice", true);
			case "disabled" -> user("disabled", false);
			default -> throw new UsernameNotFoundException(username);
		}, this.encoder);
		return new ThrottledAuthenticationProvider(dao, new LoginThrottle(java.time.Clock.systemUTC(), failures, 100,
				100, Duration.ofMinutes(15), Duration.ofHours(1)));
	}

	private UserDetails user(String name, boolean enabled) {
		return User.withUsername(name).password("hash:right-password").disabled(!enabled).roles("OPERATOR").build();
	}

}
