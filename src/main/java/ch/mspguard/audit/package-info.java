/**
 * The append-only audit log: who did what and when, written by every module through
 * {@link ch.mspguard.audit.AuditLog}, read on the audit page and exported as CSV.
 */
@ApplicationModule(displayName = "Audit log")
package ch.mspguard.audit;

import org.springframework.modulith.ApplicationModule;
