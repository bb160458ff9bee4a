/**
 * Scheduled work: jobs (daily re-evaluation, SEPPmail pulls, notifications, pruning)
 * implement {@link ch.mspguard.scheduling.ScheduledJob}; the registry runs them on their
 * cron expressions once across all instances, records their last run and lets an operator
 * run one now.
 */
@ApplicationModule(displayName = "Scheduled work")
package ch.mspguard.scheduling;

import org.springframework.modulith.ApplicationModule;
