package ch.mspguard.audit;

import java.time.Instant;

/**
 * One event of the audit log.
 *
 * @param id its sequence number
 * @param occurredAt when
 * @param actor who (user name, {@code anonymous} or {@code system:<task>})
 * @param action what, e.g. {@code LOGIN_FAILED}, {@code DOMAIN_CHANGED},
 * {@code EXPORT_TENANT_PDF}
 * @param target on what
 * @param details details as JSON (before and after values, filters, row counts)
 * @param sourceAddress the client's address, if the event came from a request
 */
public record AuditEntry(long id, Instant occurredAt, String actor, String action, String target, String details,
		String sourceAddress) {

}
