package ch.mspguard.gateway;

/**
 * Someone else saved the same thing since the form was opened; nothing was written.
 */
public class ConcurrentEditException extends RuntimeException {

	private final Object current;

	private final long currentVersion;

	ConcurrentEditException(Object current, long currentVersion) {
		super("Changed by someone else meanwhile");
		this.current = current;
		this.currentVersion = currentVersion;
	}

	/**
	 * The configuration as it is stored now (a DomainConfig, TenantConfig or
	 * GatewaySettings).
	 */
	public Object current() {
		return this.current;
	}

	public long currentVersion() {
		return this.currentVersion;
	}

}
