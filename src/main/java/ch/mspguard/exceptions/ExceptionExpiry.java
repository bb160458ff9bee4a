package ch.mspguard.exceptions;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ch.mspguard.audit.AuditAction;
import ch.mspguard.audit.AuditLog;
import ch.mspguard.checklist.Cause;
import ch.mspguard.checklist.EvaluationService;
import ch.mspguard.checklist.EvaluationTrigger;
import ch.mspguard.cluster.ClusterLock;
import ch.mspguard.tenant.SystemActor;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Lets exceptions lapse at their expiry without waiting for an import: every few minutes,
 * on one instance at a time, each active exception whose last day has passed is set to
 * expired and its gateway re-evaluated, with the lapse as the cause of the light change.
 * One transaction per gateway, so that one failing gateway does not hold back the others.
 */
@Component
class ExceptionExpiry {

	static final String TASK = "exception-expiry";

	private final ExceptionRepository repository;

	private final EvaluationService evaluator;

	private final AuditLog audit;

	private final ClusterLock lock;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	ExceptionExpiry(ExceptionRepository repository, EvaluationService evaluator, AuditLog audit, ClusterLock lock,
			TransactionTemplate transactions, Clock clock, ApplicationEventPublisher events) {
		this.repository = repository;
		this.evaluator = evaluator;
		this.audit = audit;
		this.lock = lock;
		this.transactions = transactions;
		this.clock = clock;
		this.events = events;
	}

	@Scheduled(initialDelayString = "${hardening.exceptions.expiry-check:PT5M}",
			fixedDelayString = "${hardening.exceptions.expiry-check:PT5M}")
	void scheduled() {
		this.lock.runExclusively(TASK, () -> SystemActor.run(TASK, this::lapseExpired));
	}

	/**
	 * @return how many exceptions lapsed
	 */
	int lapseExpired() {
		LocalDate today = LocalDate.now(this.clock);
		List<FindingException> due = this.transactions.execute((tx) -> this.repository.lapsed(today));
		Map<UUID, List<FindingException>> byGateway = new LinkedHashMap<>();
		due.forEach((exception) -> byGateway.computeIfAbsent(exception.gatewayId(), (id) -> new ArrayList<>())
			.add(exception));
		int lapsed = 0;
		for (Map.Entry<UUID, List<FindingException>> gateway : byGateway.entrySet()) {
			lapsed += this.transactions.execute((tx) -> lapse(gateway.getKey(), gateway.getValue()));
		}
		return lapsed;
	}

	private int lapse(UUID gatewayId, List<FindingException> exceptions) {
		Instant now = this.clock.instant();
		List<Cause> causes = new ArrayList<>();
		for (FindingException exception : exceptions) {
			if (this.repository.end(exception.id(), ExceptionState.EXPIRED, now, null)) {
				FindingException ended = this.repository.find(exception.id()).orElseThrow();
				this.audit.record(AuditAction.EXCEPTION_EXPIRED, ended.tenantName(),
						ExceptionService.auditDetails(ended, Map.of("expiresOn", ended.expiresOn().toString())));
				causes.add(ExceptionService.cause(ended, ExceptionState.ACTIVE, "system"));
				this.events.publishEvent(ExceptionChanged.of(ended, ExceptionChanged.Change.LAPSED, "system", now));
			}
		}
		if (!causes.isEmpty()) {
			this.evaluator.evaluateAndStore(gatewayId, EvaluationTrigger.EXCEPTION, causes);
		}
		return causes.size();
	}

}
