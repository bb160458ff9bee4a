package ch.mspguard.secrets;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Ends a start with an unusable secret key with one line naming the setting (registered
 * in {@code META-INF/spring.factories}).
 */
class InvalidSecretKeyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidSecretKeyException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidSecretKeyException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Set HARDENING_SECRET_KEY to the base64 of 32 random bytes (openssl rand -base64 32). If data was "
						+ "stored under an earlier key, set that one again: header check hashes and stored appliance "
						+ "credentials depend on it.",
				cause);
	}

}
