/**
 * What several instances of the application share: background work that runs on one
 * instance at a time (advisory locks), and the instance's name in every response.
 */
@ApplicationModule(displayName = "Cluster")
package ch.mspguard.cluster;

import org.springframework.modulith.ApplicationModule;
