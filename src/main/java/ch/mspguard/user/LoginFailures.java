package ch.mspguard.user;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import ch.mspguard.tenant.LoginRole;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Failed logins counted in the database, so that every instance behind the proxy sees the
 * same counts: guessing passwords on two instances is no faster than on one. Written as
 * the login role, since nobody is authenticated yet.
 */
@Component
class LoginFailures {

	record Failures(int count, Instant last) {
	}

	private final JdbcClient jdbc;

	private final TransactionOperations transactions;

	LoginFailures(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.transactions = LoginRole.transactions(transactionManager);
	}

	Map<String, Failures> find(Collection<String> keys) {
		return this.transactions.execute((tx) -> {
			Map<String, Failures> found = new HashMap<>();
			this.jdbc.sql("SELECT key, failures, last_failure FROM login_failure WHERE key = ANY (?)")
				.param(keys.toArray(String[]::new))
				.query((rs) -> {
					found.put(rs.getString(1), new Failures(rs.getInt(2), rs.getTimestamp(3).toInstant()));
				});
			return found;
		});
	}

	/**
	 * One more failure for each key; a count whose last failure is older than
	 * {@code forgetAfter} starts again at one. Forgotten counts are removed on the way.
	 */
	void increment(Collection<String> keys, Instant now, Duration forgetAfter) {
		Timestamp at = Timestamp.from(now);
		Timestamp forgotten = Timestamp.from(now.minus(forgetAfter));
		this.transactions.executeWithoutResult((tx) -> {
			for (String key : keys) {
				this.jdbc.sql("""
						INSERT INTO login_failure (key, failures, last_failure) VALUES (?, 1, ?)
						ON CONFLICT (key) DO UPDATE SET last_failure = excluded.last_failure,
						    failures = CASE WHEN login_failure.last_failure < ? THEN 1
						                    ELSE login_failure.failures + 1 END""").params(key, at, forgotten).update();
			}
			this.jdbc.sql("DELETE FROM login_failure WHERE last_failure < ?").param(forgotten).update();
		});
	}

	void remove(String key) {
		this.transactions
			.executeWithoutResult((tx) -> this.jdbc.sql("DELETE FROM login_failure WHERE key = ?").param(key).update());
	}

}
