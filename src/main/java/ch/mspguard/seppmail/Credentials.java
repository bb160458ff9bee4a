package ch.mspguard.seppmail;

/**
 * The API token and secret of an appliance, decrypted for one pull. Its text form never
 * shows them, so that neither a log line nor an exception can carry them by accident.
 *
 * @param token sent as {@code X-SM-API-TOKEN}
 * @param secret sent as {@code X-SM-API-SECRET}
 */
record Credentials(String token, String secret) {

	@Override
	public String toString() {
		return "Credentials[redacted]";
	}

}
