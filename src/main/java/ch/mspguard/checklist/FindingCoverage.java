package ch.mspguard.checklist;

import ch.mspguard.gateway.WrittenGateway;

/**
 * Which findings of an evaluation an accepted exception covers (issue 14). Called by
 * every evaluation that is stored, inside its transaction, with the freshly evaluated
 * result: covered findings keep their real outcome but do not decide the tenant's light.
 * The implementation (the exceptions module) may change the state of its exceptions (an
 * exception whose finding changed needs review, one past its expiry lapses) and returns
 * those changes as causes of the light changes this evaluation brings.
 */
public interface FindingCoverage {

	/**
	 * @param gateway the evaluated configuration with the ids of its tenants and domains
	 * @param result the evaluation in memory
	 * @return the covered findings and the causes of changed exceptions
	 */
	Coverage cover(WrittenGateway gateway, GatewayResult result);

}
