package ch.mspguard.user;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing, per account name and per source address alike: after a
 * few failures every further attempt must wait a delay that doubles with each failure, up
 * to a temporary lock that expires by itself. Unknown account names are throttled exactly
 * like existing ones, so the answers reveal nothing. Counted in the database
 * ({@link LoginFailures}), shared by every instance.
 */
@Component
class LoginThrottle {

	private final Clock clock;

	private final LoginFailures failures;

	private final int freePerAccount;

	private final int freePerAddress;

	private final Duration maxDelay;

	private final Duration forgetAfter;

	@Autowired
	LoginThrottle(LoginFailures failures, @Value("${hardening.login.free-attempts-per-account:5}") int freePerAccount,
			@Value("${hardening.login.free-attempts-per-address:20}") int freePerAddress,
			@Value("${hardening.login.max-delay:15m}") Duration maxDelay,
			@Value("${hardening.login.forget-after:1h}") Duration forgetAfter) {
		this(Clock.systemUTC(), failures, freePerAccount, freePerAddress, maxDelay, forgetAfter);
	}

	/**
	 * @param freePerAccount failures of one account name before delays start
	 * @param freePerAddress failures from one address before delays start (higher: an
	 * office behind one address has many users)
	 */
	LoginThrottle(Clock clock, LoginFailures failures, int freePerAccount, int freePerAddress, Duration maxDelay,
			Duration forgetAfter) {
		this.clock = clock;
		this.failures = failures;
		this.freePerAccount = freePerAccount;
		this.freePerAddress = freePerAddress;
		this.maxDelay = maxDelay;
		this.forgetAfter = forgetAfter;
	}

	/** How long the attempt must still wait, if it may not be tried now. */
	Optional<Duration> waitFor(String username, String address) {
		Map<String, LoginFailures.Failures> counts = this.failures
			.find(List.of(accountKey(username), addressKey(address)));
		Duration account = remaining(counts.get(accountKey(username)), this.freePerAccount);
		Duration source = remaining(counts.get(addressKey(address)), this.freePerAddress);
		Duration longer = (account.compareTo(source) >= 0) ? account : source;
		return longer.isZero() ? Optional.empty() : Optional.of(longer);
	}

	void failed(String username, String address) {
		this.failures.increment(List.of(accountKey(username), addressKey(address)), this.clock.instant(),
				this.forgetAfter);
	}

	/**
	 * A successful login clears the account's failures (not the address's: one good
	 * password must not reset a spray across many accounts).
	 */
	void succeeded(String username) {
		this.failures.remove(accountKey(username));
	}

	private Duration remaining(LoginFailures.Failures current, int free) {
		Instant now = this.clock.instant();
		if (current == null || expired(current, now) || current.count() < free) {
			return Duration.ZERO;
		}
		Duration delay = delay(current.count() - free);
		Duration left = Duration.between(now, current.last().plus(delay));
		return left.isNegative() ? Duration.ZERO : left;
	}

	/**
	 * 1 s after the free attempts, doubling per failure, capped: the cap is the temporary
	 * lock.
	 */
	private Duration delay(int beyondFree) {
		int doublings = Math.min(beyondFree, 30);
		Duration delay = Duration.ofSeconds(1L << doublings);
		return (delay.compareTo(this.maxDelay) > 0) ? this.maxDelay : delay;
	}

	private boolean expired(LoginFailures.Failures failures, Instant now) {
		return failures.last().plus(this.forgetAfter).isBefore(now);
	}

	private static String accountKey(String username) {
		return "user:" + ((username != null) ? username.strip().toLowerCase(Locale.ROOT) : "");
	}

	private static String addressKey(String address) {
		return "addr:" + ((address != null) ? address : "unknown");
	}

}
