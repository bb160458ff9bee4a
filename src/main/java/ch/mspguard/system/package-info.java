/**
 * The application's frame: security configuration, per-transaction database roles, the
 * embedded PostgreSQL, error handling and start-up data.
 */
@ApplicationModule(displayName = "System")
package ch.mspguard.system;

import org.springframework.modulith.ApplicationModule;
