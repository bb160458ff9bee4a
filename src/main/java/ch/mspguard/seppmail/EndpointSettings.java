package ch.mspguard.seppmail;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Validated endpoint settings from the form.
 *
 * @param baseUrl normalised base URL
 * @param token new token, or null to keep the stored one
 * @param secret new secret, or null to keep the stored one
 * @param caCertificate PEM to trust instead of the default trust store, or null
 * @param schedule background pulls
 * @param autoApply whether scheduled pulls apply without a preview
 */
record EndpointSettings(String baseUrl, String token, String secret, String caCertificate, Schedule schedule,
		boolean autoApply) {

	/**
	 * What the audit log keeps: whether credentials were replaced, never their values.
	 */
	Map<String, Object> auditDetails() {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("baseUrl", this.baseUrl);
		details.put("tokenReplaced", this.token != null);
		details.put("secretReplaced", this.secret != null);
		details.put("pinnedCertificate", this.caCertificate != null);
		details.put("schedule", this.schedule.value());
		details.put("autoApply", this.autoApply);
		return details;
	}

	@Override
	public String toString() {
		return "EndpointSettings" + auditDetails();
	}

}
