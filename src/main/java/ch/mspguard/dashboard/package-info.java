/**
 * The operators' and auditors' pages: overview, tenant, domain and gateway pages and
 * their edit forms. Reads evaluations through the checklist's API and configuration
 * through the gateway's.
 */
@ApplicationModule(displayName = "Dashboard")
package ch.mspguard.dashboard;

import org.springframework.modulith.ApplicationModule;
