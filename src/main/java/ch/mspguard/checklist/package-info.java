/**
 * The hardening checklist: the rules as pure functions of a gateway snapshot, the
 * evaluations they produce and store, and the one read API for current evaluations
 * ({@link ch.mspguard.checklist.CurrentEvaluations}). The only module that reads or
 * writes evaluation tables.
 */
@ApplicationModule(displayName = "Checklist and evaluations")
package ch.mspguard.checklist;

import org.springframework.modulith.ApplicationModule;
