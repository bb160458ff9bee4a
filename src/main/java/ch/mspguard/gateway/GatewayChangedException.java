package ch.mspguard.gateway;

/**
 * The gateway's stored configuration is no longer the one an import plan was made
 * against: someone edited or imported it meanwhile. Nothing was written.
 */
public class GatewayChangedException extends RuntimeException {

	private final String gatewayName;

	public GatewayChangedException(String gatewayName) {
		super("Gateway " + gatewayName + " changed since the import was planned");
		this.gatewayName = gatewayName;
	}

	public String gatewayName() {
		return this.gatewayName;
	}

}
