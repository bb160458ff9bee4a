package ch.mspguard.checklist;

/** The orders in which a list of tenants with their current evaluation can be read. */
public enum TenantSort {

	/** Worst light first, then most failing findings, then by name. */
	LIGHT,

	NAME, GATEWAY, FAIL, WARN, UNKNOWN, EVALUATED,

	/**
	 * The reports' order: worst light first, then failing, warning and unknown findings,
	 * then gateway and tenant name.
	 */
	REPORT

}
