package ch.mspguard.exceptions;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import ch.mspguard.scheduling.JobRun;
import ch.mspguard.scheduling.ScheduledJob;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Once a day, publishes {@link ExceptionChanged.Change#EXPIRING} for every active
 * exception whose last day is at most {@link #DAYS} days away. The fact is published
 * every day it holds; a listener that tells people keeps its own record of what it told
 * (the notification outbox sends it once per exception).
 */
@Component
class ExceptionReminders implements ScheduledJob {

	/** How close an expiry is announced. */
	static final int DAYS = 14;

	private final ExceptionRepository repository;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	ExceptionReminders(ExceptionRepository repository, ApplicationEventPublisher events,
			TransactionTemplate transactions, Clock clock) {
		this.repository = repository;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Override
	public String id() {
		return "exception-reminders";
	}

	@Override
	public String defaultCron() {
		return "0 0 6 * * *";
	}

	@Override
	public String run(JobRun run) {
		LocalDate today = LocalDate.now(this.clock);
		Integer count = this.transactions.execute((tx) -> {
			List<FindingException> expiring = this.repository.expiring(today, today.plusDays(DAYS));
			expiring.forEach((exception) -> this.events.publishEvent(
					ExceptionChanged.of(exception, ExceptionChanged.Change.EXPIRING, "system", this.clock.instant())));
			return expiring.size();
		});
		return count + " exceptions expire within " + DAYS + " days";
	}

}
