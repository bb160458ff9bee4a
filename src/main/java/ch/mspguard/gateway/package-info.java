/**
 * Each gateway's stored configuration (gateway settings, tenants, domains and their
 * lists) and the snapshot format that imports and exports it: reading, validation,
 * storage, diffs and edits.
 */
@ApplicationModule(displayName = "Gateway configuration")
package ch.mspguard.gateway;

import org.springframework.modulith.ApplicationModule;
