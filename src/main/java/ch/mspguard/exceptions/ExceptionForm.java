package ch.mspguard.exceptions;

/**
 * The "request exception" form. The tenant comes from the path and the access check,
 * never from the form.
 */
public class ExceptionForm {

	private String ruleId;

	private String domain;

	private String category = ExceptionCategory.RISK_ACCEPTED.name();

	private String reason;

	private String compensatingControl;

	private String expiresOn;

	public String getRuleId() {
		return this.ruleId;
	}

	public void setRuleId(String ruleId) {
		this.ruleId = ruleId;
	}

	public String getDomain() {
		return this.domain;
	}

	public void setDomain(String domain) {
		this.domain = domain;
	}

	public String getCategory() {
		return this.category;
	}

	public void setCategory(String category) {
		this.category = category;
	}

	public String getReason() {
		return this.reason;
	}

	public void setReason(String reason) {
		this.reason = reason;
	}

	public String getCompensatingControl() {
		return this.compensatingControl;
	}

	public void setCompensatingControl(String compensatingControl) {
		this.compensatingControl = compensatingControl;
	}

	public String getExpiresOn() {
		return this.expiresOn;
	}

	public void setExpiresOn(String expiresOn) {
		this.expiresOn = expiresOn;
	}

	NewException toRequest(String tenantId) {
		return new NewException(this.ruleId, tenantId, this.domain, this.category, this.reason,
				this.compensatingControl, this.expiresOn);
	}

}
