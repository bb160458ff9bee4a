package ch.mspguard.secrets;

/**
 * The configured master key cannot be used: not base64, or too short. Reported at
 * start-up by {@link InvalidSecretKeyFailureAnalyzer} in one line.
 */
class InvalidSecretKeyException extends RuntimeException {

	InvalidSecretKeyException(String description, Throwable cause) {
		super(description, cause);
	}

}
