package ch.mspguard.scheduling;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import ch.mspguard.cluster.ClusterLock;
import ch.mspguard.tenant.SystemActor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;

/**
 * Runs every {@link ScheduledJob} on its cron expression (UTC) on a scheduler of its own,
 * so that a long job (a spread re-evaluation) does not hold up others. Each planned time
 * runs once across instances: the instance that takes the job's {@link ClusterLock} and
 * claims the time in the database runs it. Switched off with
 * {@code hardening.jobs.scheduler-enabled=false} ("run now" still works).
 */
@Component
class JobRegistry implements SmartInitializingSingleton, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(JobRegistry.class);

	private final List<ScheduledJob> jobs;

	private final JobStore store;

	private final ClusterLock lock;

	private final Clock clock;

	private final Environment environment;

	private final boolean enabled;

	private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();

	JobRegistry(ObjectProvider<ScheduledJob> jobs, JobStore store, ClusterLock lock, Clock clock,
			Environment environment, @Value("${hardening.jobs.scheduler-enabled:true}") boolean enabled) {
		this.jobs = jobs.stream().sorted(Comparator.comparing(ScheduledJob::id)).toList();
		this.store = store;
		this.lock = lock;
		this.clock = clock;
		this.environment = environment;
		this.enabled = enabled;
		this.scheduler.setPoolSize(3);
		this.scheduler.setThreadNamePrefix("jobs-");
		this.scheduler.setClock(clock);
	}

	@Override
	public void afterSingletonsInstantiated() {
		this.scheduler.initialize();
		if (!this.enabled) {
			return;
		}
		for (ScheduledJob job : this.jobs) {
			CronExpression.parse(cron(job));
			this.scheduler.schedule(() -> runPlanned(job), new CronTrigger(cron(job), ZoneOffset.UTC));
		}
	}

	@Override
	public void destroy() {
		this.scheduler.shutdown();
	}

	List<ScheduledJob> jobs() {
		return this.jobs;
	}

	Optional<ScheduledJob> job(String id) {
		return this.jobs.stream().filter((job) -> job.id().equals(id)).findFirst();
	}

	/** The job's cron expression: its setting, else its default. */
	String cron(ScheduledJob job) {
		return this.environment.getProperty("hardening.jobs." + job.id() + ".cron", job.defaultCron());
	}

	/** When the job runs next on its schedule. */
	Instant next(ScheduledJob job) {
		return CronExpression.parse(cron(job)).next(this.clock.instant().atZone(ZoneOffset.UTC)).toInstant();
	}

	/** Runs the job now in the background, as an operator asked. */
	void runNow(ScheduledJob job, String operator) {
		this.scheduler.execute(() -> run(job, this.clock.instant(), "manual:" + operator, true));
	}

	private void runPlanned(ScheduledJob job) {
		// The planned time: the cron time this firing stands for, the same on every
		// instance.
		Instant planned = CronExpression.parse(cron(job))
			.next(this.clock.instant().minusSeconds(1).atZone(ZoneOffset.UTC))
			.toInstant();
		if (planned.isAfter(this.clock.instant())) {
			planned = this.clock.instant();
		}
		run(job, planned, "schedule", false);
	}

	/**
	 * Runs the job for the planned time unless another instance does or did.
	 * @return whether it ran here
	 */
	boolean run(ScheduledJob job, Instant planned, String startedBy, boolean manual) {
		boolean[] ran = { false };
		this.lock.runExclusively("job:" + job.id(), () -> SystemActor.run("job:" + job.id(), () -> {
			if (!this.store.claim(job.id(), planned, startedBy, this.clock.instant())) {
				return;
			}
			ran[0] = true;
			try {
				String summary = job.run(new JobRun(manual, job.spread()));
				this.store.finish(job.id(), true, summary, this.clock.instant());
			}
			catch (RuntimeException ex) {
				log.warn("Job {} failed: {}", job.id(), ex.getClass().getName());
				this.store.finish(job.id(), false, ex.getClass().getSimpleName(), this.clock.instant());
			}
		}));
		return ran[0];
	}

}
