/**
 * The SEPPmail appliance adapter: maps the REST API's customer and managed-domain answers
 * onto snapshots, from uploaded files or a live pull.
 */
@ApplicationModule(displayName = "SEPPmail adapter")
package ch.mspguard.seppmail;

import org.springframework.modulith.ApplicationModule;
