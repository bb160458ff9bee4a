package ch.mspguard.gateway;

/**
 * Where the gateway runs; decides how the port 25 remediation reads.
 */
public enum Hosting implements JsonEnum {

	ON_PREMISES("on-premises"), AZURE("azure"), OTHER_CLOUD("other-cloud");

	private final String jsonValue;

	Hosting(String jsonValue) {
		this.jsonValue = jsonValue;
	}

	@Override
	public String jsonValue() {
		return this.jsonValue;
	}

}
