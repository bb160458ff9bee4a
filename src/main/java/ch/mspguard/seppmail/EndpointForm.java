package ch.mspguard.seppmail;

import ch.mspguard.gateway.InvalidValueException;

import org.springframework.validation.BindingResult;

/**
 * The endpoint form. Token and secret are never filled from storage: empty fields keep
 * the stored values, entries replace them.
 */
public class EndpointForm {

	static final int MAX_CREDENTIAL = 500;

	private String baseUrl = "";

	private String token = "";

	private String secret = "";

	private String caCertificate = "";

	private String schedule = Schedule.OFF.value();

	private boolean autoApply;

	static EndpointForm of(Endpoint endpoint) {
		EndpointForm form = new EndpointForm();
		form.baseUrl = (endpoint.baseUrl() != null) ? endpoint.baseUrl() : "";
		form.caCertificate = (endpoint.caCertificate() != null) ? endpoint.caCertificate() : "";
		form.schedule = endpoint.schedule().value();
		form.autoApply = endpoint.autoApply();
		return form;
	}

	/**
	 * The validated settings, or null with the problems in {@code errors}.
	 * @param configured whether credentials are stored already (else both are required)
	 */
	EndpointSettings toSettings(boolean configured, BindingResult errors) {
		String url = null;
		try {
			url = BaseUrl.parse(this.baseUrl).toString();
		}
		catch (InvalidValueException ex) {
			reject(errors, "baseUrl", ex);
		}
		String newToken = credential("token", this.token, configured, errors);
		String newSecret = credential("secret", this.secret, configured, errors);
		String pem = this.caCertificate.isBlank() ? null : this.caCertificate.strip();
		if (pem != null) {
			try {
				TrustedCertificates.parse(pem);
			}
			catch (InvalidValueException ex) {
				reject(errors, "caCertificate", ex);
			}
		}
		Schedule chosen = Schedule.of(this.schedule).orElse(null);
		if (chosen == null) {
			reject(errors, "schedule", new InvalidValueException("field.invalid"));
		}
		return errors.hasErrors() ? null
				: new EndpointSettings(url, newToken, newSecret, pem, chosen, this.autoApply && chosen != Schedule.OFF);
	}

	private static String credential(String field, String value, boolean configured, BindingResult errors) {
		String text = value.strip();
		if (text.isEmpty()) {
			if (!configured) {
				reject(errors, field, new InvalidValueException("seppmail.credential.required"));
			}
			return null;
		}
		if (text.length() > MAX_CREDENTIAL || text.codePoints().anyMatch((c) -> c < 0x21 || c > 0x7e)) {
			reject(errors, field, new InvalidValueException("seppmail.credential.invalid", MAX_CREDENTIAL));
			return null;
		}
		return text;
	}

	private static void reject(BindingResult errors, String field, InvalidValueException ex) {
		errors.rejectValue(field, "validation." + ex.code(), ex.arguments(), ex.code());
	}

	public String getBaseUrl() {
		return this.baseUrl;
	}

	public void setBaseUrl(String baseUrl) {
		this.baseUrl = (baseUrl != null) ? baseUrl : "";
	}

	/** Always empty when shown: a stored token is never sent back to the browser. */
	public String getToken() {
		return "";
	}

	public void setToken(String token) {
		this.token = (token != null) ? token : "";
	}

	/** Always empty when shown: a stored secret is never sent back to the browser. */
	public String getSecret() {
		return "";
	}

	public void setSecret(String secret) {
		this.secret = (secret != null) ? secret : "";
	}

	public String getCaCertificate() {
		return this.caCertificate;
	}

	public void setCaCertificate(String caCertificate) {
		this.caCertificate = (caCertificate != null) ? caCertificate : "";
	}

	public String getSchedule() {
		return this.schedule;
	}

	public void setSchedule(String schedule) {
		this.schedule = (schedule != null) ? schedule : Schedule.OFF.value();
	}

	public boolean isAutoApply() {
		return this.autoApply;
	}

	public void setAutoApply(boolean autoApply) {
		this.autoApply = autoApply;
	}

}
