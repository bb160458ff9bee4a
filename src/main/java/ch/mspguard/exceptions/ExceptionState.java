package ch.mspguard.exceptions;

/**
 * Where an exception stands: requested → active or rejected; active → expired, needs
 * review or revoked. Only an active exception covers a finding.
 */
public enum ExceptionState {

	REQUESTED, ACTIVE, REJECTED, EXPIRED, NEEDS_REVIEW, REVOKED

}
