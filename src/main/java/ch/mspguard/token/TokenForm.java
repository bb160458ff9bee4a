package ch.mspguard.token;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The token page's form: the API's request as form fields, every value as text so that
 * the service names whatever is wrong.
 */
class TokenForm {

	/** The expiry the form suggests: a quarter of a year. */
	static final int SUGGESTED_DAYS = 90;

	private String name = "";

	private List<String> scopes = new ArrayList<>();

	private String tenantId = "";

	private String expiresOn = "";

	private String allowedNetwork = "";

	static TokenForm suggested(LocalDate today) {
		TokenForm form = new TokenForm();
		form.setExpiresOn(today.plusDays(SUGGESTED_DAYS).toString());
		return form;
	}

	NewToken toNewToken() {
		return new NewToken(this.name, this.scopes, this.tenantId, this.expiresOn, this.allowedNetwork);
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public List<String> getScopes() {
		return this.scopes;
	}

	public void setScopes(List<String> scopes) {
		this.scopes = (scopes != null) ? scopes : new ArrayList<>();
	}

	public String getTenantId() {
		return this.tenantId;
	}

	public void setTenantId(String tenantId) {
		this.tenantId = tenantId;
	}

	public String getExpiresOn() {
		return this.expiresOn;
	}

	public void setExpiresOn(String expiresOn) {
		this.expiresOn = expiresOn;
	}

	public String getAllowedNetwork() {
		return this.allowedNetwork;
	}

	public void setAllowedNetwork(String allowedNetwork) {
		this.allowedNetwork = allowedNetwork;
	}

}
