/**
 * Auditor exports: tenant and summary PDF reports, findings and audit CSV, with bounded
 * concurrency and time.
 */
@ApplicationModule(displayName = "Reports and exports")
package ch.mspguard.report;

import org.springframework.modulith.ApplicationModule;
