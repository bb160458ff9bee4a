package ch.mspguard.checklist;

/**
 * What a rule is evaluated for.
 */
public enum Scope {

	GATEWAY, TENANT, DOMAIN

}
