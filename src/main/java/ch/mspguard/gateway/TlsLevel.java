package ch.mspguard.gateway;

/**
 * SEPPmail's TLS level towards a managed domain's mail server (Postfix client security
 * levels).
 */
public enum TlsLevel implements JsonEnum {

	NONE("none"), MAY("may"), ENCRYPT("encrypt"), VERIFY("verify"), SECURE("secure"), FINGERPRINT("fingerprint");

	private final String jsonValue;

	TlsLevel(String jsonValue) {
		this.jsonValue = jsonValue;
	}

	@Override
	public String jsonValue() {
		return this.jsonValue;
	}

}
