package ch.mspguard.scheduling;

import java.time.Duration;

/**
 * A piece of background work the registry runs on a cron expression, once across all
 * instances, as the system actor. Implementations are beans; the registry finds them.
 */
public interface ScheduledJob {

	/** Stable id, also the key of its texts ({@code job.<id>.name}) and settings. */
	String id();

	/**
	 * The Spring cron expression (six fields, with seconds) used unless
	 * {@code hardening.jobs.<id>.cron} sets another.
	 */
	String defaultCron();

	/**
	 * How far work per gateway is spread after the planned time (see
	 * {@link JobRun#forEachSpread}); zero for none.
	 */
	default Duration spread() {
		return Duration.ZERO;
	}

	/**
	 * Does the work.
	 * @param run the run: whether it was started by hand, and the spread helper
	 * @return a short summary for the operators' page (no secrets, no remote answers)
	 */
	String run(JobRun run);

}
