/**
 * The application's master key and what is derived from it: keyed hashes of header values
 * and encryption of stored credentials.
 */
@ApplicationModule(displayName = "Secrets")
package ch.mspguard.secrets;

import org.springframework.modulith.ApplicationModule;
