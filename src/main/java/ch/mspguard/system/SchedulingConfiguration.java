package ch.mspguard.system;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Background housekeeping (expired previews) runs on every instance's scheduler; each job
 * takes a cluster lock so that it runs on one instance at a time.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfiguration {

}
