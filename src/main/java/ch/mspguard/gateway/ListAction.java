package ch.mspguard.gateway;

/**
 * Action of a Manual blocklisting / welcomelisting entry.
 */
public enum ListAction implements JsonEnum {

	ACCEPT("accept"), REJECT("reject");

	private final String jsonValue;

	ListAction(String jsonValue) {
		this.jsonValue = jsonValue;
	}

	@Override
	public String jsonValue() {
		return this.jsonValue;
	}

}
