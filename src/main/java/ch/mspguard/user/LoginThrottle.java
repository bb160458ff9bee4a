package ch.mspguard.user;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
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
 * like existing ones, so the answers reveal nothing. Kept in memory: a restart forgets
 * it, which only ever errs towards letting someone in again.
 */
@Component
class LoginThrottle {

	private static final int MAX_TRACKED = 100_000;

	private final Clock clock;

	private final int freePerAccount;

	private final int freePerAddress;

	private final Duration maxDelay;

	private final Duration forgetAfter;

	private final Map<String, Failures> failures = new LinkedHashMap<>(1024, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
			return size() > MAX_TRACKED;
		}
	};

	@Autowired
	LoginThrottle(@Value("${hardening.login.free-attempts-per-account:5}") int freePerAccount,
			@Value("${hardening.login.free-attempts-per-address:20}") int freePerAddress,
			@Value("${hardening.login.max-delay:15m}") Duration maxDelay,
			@Value("${hardening.login.forget-after:1h}") Duration forgetAfter) {
		this(Clock.systemUTC(), freePerAccount, freePerAddress, maxDelay, forgetAfter);
	}

	/**
	 * @param freePerAccount failures of one account name before delays start
	 * @param freePerAddress failures from one address before delays start (higher: an
	 * office behind one address has many users)
	 */
	LoginThrottle(Clock clock, int freePerAccount, int freePerAddress, Duration maxDelay, Duration forgetAfter) {
		this.clock = clock;
		this.freePerAccount = freePerAccount;
		this.freePerAddress = freePerAddress;
		this.maxDelay = maxDelay;
		this.forgetAfter = forgetAfter;
	}

	private record Failures(int count, Instant last) {
	}

	/** How long the attempt must still wait, if it may not be tried now. */
	synchronized Optional<Duration> waitFor(String username, String address) {
		Duration account = remaining(accountKey(username), this.freePerAccount);
		Duration source = remaining(addressKey(address), this.freePerAddress);
		Duration longer = (account.compareTo(source) >= 0) ? account : source;
		return longer.isZero() ? Optional.empty() : Optional.of(longer);
	}

	synchronized void failed(String username, String address) {
		increment(accountKey(username));
		increment(addressKey(address));
	}

	/**
	 * A successful login clears the account's failures (not the address's: one good
	 * password must not reset a spray across many accounts).
	 */
	synchronized void succeeded(String username) {
		this.failures.remove(accountKey(username));
	}

	private void increment(String key) {
		Instant now = this.clock.instant();
		Failures current = this.failures.get(key);
		int count = (current != null && !expired(current, now)) ? current.count() + 1 : 1;
		this.failures.put(key, new Failures(count, now));
	}

	private Duration remaining(String key, int free) {
		Failures current = this.failures.get(key);
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

	private boolean expired(Failures failures, Instant now) {
		return failures.last().plus(this.forgetAfter).isBefore(now);
	}

	private static String accountKey(String username) {
		return "user:" + ((username != null) ? username.strip().toLowerCase(Locale.ROOT) : "");
	}

	private static String addressKey(String address) {
		return "addr:" + ((address != null) ? address : "unknown");
	}

}
