package ch.mspguard.tenant;

/**
 * Who someone is to the application. {@code SYSTEM} acts for background work and
 * start-up, never for a person.
 */
public enum Role {

	OPERATOR, AUDITOR, TENANT_ADMIN, SYSTEM;

	/** The Spring Security authority of the role. */
	public String authority() {
		return "ROLE_" + name();
	}

}
