package ch.mspguard.exceptions;

/**
 * A request for an exception as the API and the form send it: all values as text, so that
 * every wrong value gets a message at its field instead of a parse error for the whole
 * document.
 *
 * @param ruleId the rule
 * @param tenantId the tenant's id
 * @param domain the domain, empty for a tenant rule or all of the tenant's domains
 * @param category one of {@link ExceptionCategory}
 * @param reason the reason
 * @param compensatingControl the compensating control, optional
 * @param expiresOn the last day, {@code yyyy-mm-dd}
 */
public record NewException(String ruleId, String tenantId, String domain, String category, String reason,
		String compensatingControl, String expiresOn) {

}
