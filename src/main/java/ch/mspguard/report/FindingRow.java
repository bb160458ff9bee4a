package ch.mspguard.report;

import java.time.Instant;
import java.util.UUID;

import ch.mspguard.checklist.CoveredBy;
import ch.mspguard.checklist.Outcome;
import ch.mspguard.checklist.Scope;
import ch.mspguard.checklist.Severity;
import ch.mspguard.gateway.DataAge;

/**
 * One line of the findings export: one finding of one tenant, gateway findings repeated
 * for every tenant of the gateway as the findings API lists them.
 *
 * @param tenant the tenant's name
 * @param tenantDisplayName its display name, may be null
 * @param gateway the gateway's name
 * @param scope the finding's scope
 * @param domain the domain of a domain finding, else null
 * @param ruleId the rule
 * @param severity the rule's severity
 * @param outcome the outcome
 * @param message the rendered message
 * @param remediation the rendered remediation
 * @param evaluationId the evaluation
 * @param evaluatedAt when it ran
 * @param dataAge how old the gateway's data is, for the stale-since column
 * @param exception the active exception that covers it (issue 14), or null
 */
record FindingRow(String tenant, String tenantDisplayName, String gateway, Scope scope, String domain, String ruleId,
		Severity severity, Outcome outcome, String message, String remediation, UUID evaluationId, Instant evaluatedAt,
		DataAge dataAge, CoveredBy exception) {

}
