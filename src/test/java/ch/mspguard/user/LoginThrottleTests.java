package ch.mspguard.user;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import ch.mspguard.IntegrationTest;
import ch.mspguard.tenant.LoginRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The throttle on its real store, the database table every instance shares.
 */
@IntegrationTest
class LoginThrottleTests {

	MutableClock clock = new MutableClock();

	LoginThrottle throttle;

	@BeforeEach
	void emptyThrottle(@Autowired LoginFailures failures, @Autowired JdbcClient jdbc,
			@Autowired PlatformTransactionManager transactions) {
		LoginRole.transactions(transactions)
			.executeWithoutResult((tx) -> jdbc.sql("DELETE FROM login_failure").update());
		this.throttle = new LoginThrottle(this.clock, failures, 3, 5, Duration.ofMinutes(15), Duration.ofHours(1));
	}

	@Test
	void firstAttemptsAreFreeThenDelaysGrowAndCapAtATemporaryLock() {
		for (int i = 0; i < 3; i++) {
			assertThat(this.throttle.waitFor("alice", "198.51.100.1")).isEmpty();
			this.throttle.failed("alice", "198.51.100.1");
		}
		assertThat(this.throttle.waitFor("alice", "198.51.100.9")).contains(Duration.ofSeconds(1));
		this.clock.advance(Duration.ofSeconds(1));
		this.throttle.failed("alice", "198.51.100.9");
		assertThat(this.throttle.waitFor("alice", "198.51.100.9")).contains(Duration.ofSeconds(2));
		for (int i = 0; i < 20; i++) {
			this.throttle.failed("alice", "198.51.100.9");
		}
		assertThat(this.throttle.waitFor("alice", "198.51.100.9")).contains(Duration.ofMinutes(15));
		this.clock.advance(Duration.ofMinutes(15));
		assertThat(this.throttle.waitFor("alice", "203.0.113.5")).isEmpty();
	}

	@Test
	void unknownAndKnownAccountNamesAreThrottledAlike() {
		for (int i = 0; i < 4; i++) {
			this.throttle.failed("no-such-user", "198.51.100.1");
			this.throttle.failed("operator", "198.51.100.2");
		}
		assertThat(this.throttle.waitFor("no-such-user", "203.0.113.1"))
			.isEqualTo(this.throttle.waitFor("operator", "203.0.113.1"));
	}

	@Test
	void oneSourceAddressSprayingManyAccountsIsThrottledToo() {
		for (int i = 0; i < 6; i++) {
			this.throttle.failed("user" + i, "198.51.100.66");
		}
		assertThat(this.throttle.waitFor("someone-else", "198.51.100.66")).isPresent();
		assertThat(this.throttle.waitFor("someone-else", "198.51.100.67")).isEmpty();
	}

	@Test
	void successClearsTheAccountAndOldFailuresAreForgotten() {
		for (int i = 0; i < 5; i++) {
			this.throttle.failed("bob", "a" + i);
		}
		this.throttle.succeeded("bob");
		assertThat(this.throttle.waitFor("bob", "b")).isEmpty();
		for (int i = 0; i < 5; i++) {
			this.throttle.failed("carol", "c" + i);
		}
		this.clock.advance(Duration.ofHours(2));
		assertThat(this.throttle.waitFor("carol", "d")).isEmpty();
	}

	static final class MutableClock extends Clock {

		private Instant now = Instant.parse("2026-11-27T10:00:00Z");

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
