package ch.mspguard.gateway;

/**
 * The attested TLS quality of a tenant's mail server when it sends to the gateway.
 */
public enum MailServerTls implements JsonEnum {

	VERIFIED("verified"), ENCRYPTED("encrypted"), OPPORTUNISTIC("opportunistic"), NONE("none");

	private final String jsonValue;

	MailServerTls(String jsonValue) {
		this.jsonValue = jsonValue;
	}

	@Override
	public String jsonValue() {
		return this.jsonValue;
	}

}
