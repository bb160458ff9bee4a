/**
 * Who acts (operator, auditor, tenant admin or background task) and which tenants they
 * may see.
 */
@ApplicationModule(displayName = "Tenants and actors")
package ch.mspguard.tenant;

import org.springframework.modulith.ApplicationModule;
