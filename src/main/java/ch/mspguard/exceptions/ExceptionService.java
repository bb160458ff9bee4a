package ch.mspguard.exceptions;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import ch.mspguard.audit.AuditAction;
import ch.mspguard.audit.AuditLog;
import ch.mspguard.checklist.Cause;
import ch.mspguard.checklist.EvaluationReader;
import ch.mspguard.checklist.EvaluationService;
import ch.mspguard.checklist.EvaluationTrigger;
import ch.mspguard.checklist.Rule;
import ch.mspguard.checklist.StoredEvaluation;
import ch.mspguard.checklist.StoredFinding;
import ch.mspguard.tenant.Actor;
import ch.mspguard.tenant.Role;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Requests, decisions and revocations of exceptions, with the rules of four eyes: tenant
 * admins request for their own tenant, operators request for any; only an operator
 * decides, and never on their own request unless
 * {@code hardening.exceptions.self-approval} allows it (the record then says so).
 * Approving or revoking re-evaluates the tenant's gateway at once, with the exception as
 * the cause of the light change.
 */
@Service
@EnableConfigurationProperties(ExceptionProperties.class)
public class ExceptionService {

	private final ExceptionRepository repository;

	private final EvaluationReader evaluations;

	private final EvaluationService evaluator;

	private final AuditLog audit;

	private final ExceptionProperties properties;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	ExceptionService(ExceptionRepository repository, EvaluationReader evaluations, EvaluationService evaluator,
			AuditLog audit, ExceptionProperties properties, Clock clock, ApplicationEventPublisher events) {
		this.repository = repository;
		this.evaluations = evaluations;
		this.evaluator = evaluator;
		this.audit = audit;
		this.properties = properties;
		this.clock = clock;
		this.events = events;
	}

	/** Whether the current actor may request exceptions for the tenant. */
	public static boolean mayRequest(Actor actor, UUID tenantId) {
		return actor.role() == Role.OPERATOR || (actor.role() == Role.TENANT_ADMIN && actor.maySee(tenantId));
	}

	/** Whether the current actor may approve, reject and revoke. */
	public static boolean mayDecide(Actor actor) {
		return actor.role() == Role.OPERATOR;
	}

	public LocalDate today() {
		return LocalDate.now(this.clock);
	}

	public int maxMonths() {
		return this.properties.maxMonths();
	}

	@Transactional(readOnly = true)
	public List<FindingException> list(ExceptionFilter filter) {
		return this.repository.list(filter, today());
	}

	@Transactional(readOnly = true)
	public Optional<FindingException> find(UUID id) {
		return this.repository.find(id);
	}

	/** Requests waiting for a decision and active exceptions expiring within 30 days. */
	@Transactional(readOnly = true)
	public ExceptionCounts counts() {
		long[] counts = this.repository.waitingAndExpiring(today());
		return new ExceptionCounts(counts[0], counts[1]);
	}

	@Transactional
	public FindingException request(NewException request) {
		Actor actor = Actor.require();
		ExceptionRequestValidator validator = new ExceptionRequestValidator();
		Rule rule = validator.rule(request.ruleId());
		UUID tenantId = validator.tenant(request.tenantId());
		String domain = validator.domain(request.domain(), rule);
		ExceptionCategory category = validator.category(request.category());
		String reason = validator.reason(request.reason());
		String control = validator.compensatingControl(request.compensatingControl(), category);
		LocalDate expiresOn = validator.expiresOn(request.expiresOn(), today(), this.properties.maxMonths());
		if (tenantId != null && !mayRequest(actor, tenantId)) {
			if (actor.role() == Role.TENANT_ADMIN) {
				// The same answer as for a tenant that does not exist.
				validator.add("/tenantId", "exception.tenant.unknown", tenantId.toString());
			}
			else {
				throw new ExceptionRefusedException(HttpStatus.FORBIDDEN, "exception.mayNotRequest");
			}
		}
		else if (tenantId != null && rule != null && validator.errors().stream().noneMatch(this::aboutTheFinding)) {
			checkFinding(validator, tenantId, rule, domain);
		}
		if (!validator.errors().isEmpty()) {
			throw new InvalidExceptionRequestException(validator.errors());
		}
		UUID id = UUID.randomUUID();
		this.repository.insert(id, tenantId, rule.id(), domain, category, reason, control, expiresOn, actor.name(),
				this.clock.instant());
		FindingException created = this.repository.find(id).orElseThrow();
		record(AuditAction.EXCEPTION_REQUESTED, created,
				Map.of("category", category.name(), "reason", reason, "expiresOn", expiresOn.toString()));
		this.events.publishEvent(
				ExceptionChanged.of(created, ExceptionChanged.Change.REQUESTED, actor.name(), this.clock.instant()));
		return created;
	}

	private boolean aboutTheFinding(ch.mspguard.gateway.ValidationError error) {
		return error.path().equals("/tenantId") || error.path().equals("/domain");
	}

	private void checkFinding(ExceptionRequestValidator validator, UUID tenantId, Rule rule, String domain) {
		Optional<StoredEvaluation> evaluation = this.evaluations.tenant(tenantId);
		if (evaluation.isEmpty()) {
			validator.add("/tenantId", "exception.tenant.unknown", tenantId.toString());
			return;
		}
		if (problems(evaluation.get(), rule.id(), domain).isEmpty()) {
			validator.add((domain != null) ? "/domain" : "/ruleId", "exception.finding.none", rule.id(),
					(domain != null) ? domain : "");
		}
		else if (this.repository.requestWaits(tenantId, rule.id(), domain)) {
			validator.add("/ruleId", "exception.duplicate", rule.id());
		}
	}

	/** The tenant's findings of the rule (and domain) that need attention. */
	private static List<StoredFinding> problems(StoredEvaluation evaluation, String ruleId, String domain) {
		return evaluation.findings()
			.stream()
			.filter((finding) -> finding.rule().equals(ruleId) && finding.outcome().isProblem()
					&& (domain == null || Objects.equals(domain, finding.domain())))
			.toList();
	}

	@Transactional
	public FindingException approve(UUID id, String comment) {
		Actor actor = requireDecider();
		FindingException exception = requested(id);
		String text = validComment(comment, false);
		boolean own = exception.requestedBy().equals(actor.name());
		if (own && !this.properties.selfApproval()) {
			throw new ExceptionRefusedException(HttpStatus.FORBIDDEN, "exception.ownRequest");
		}
		if (exception.expiresOn().isBefore(today())) {
			throw new ExceptionRefusedException(HttpStatus.CONFLICT, "exception.expiredBeforeApproval",
					exception.expiresOn().toString());
		}
		StoredEvaluation evaluation = this.evaluations.tenant(exception.tenantId())
			.orElseThrow(() -> ExceptionRefusedException.notFound(id));
		List<BoundFinding> bound = problems(evaluation, exception.ruleId(), exception.domain()).stream()
			.map(BoundFinding::of)
			.toList();
		if (bound.isEmpty()) {
			throw new ExceptionRefusedException(HttpStatus.CONFLICT, "exception.findingGone", exception.ruleId());
		}
		if (!this.repository.approve(id, actor.name(), this.clock.instant(), text, own, evaluation.catalogueVersion(),
				bound)) {
			throw notRequested(id);
		}
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("comment", String.valueOf(text));
		details.put("selfApproved", own);
		details.put("bound", bound.toString());
		return changed(id, AuditAction.EXCEPTION_APPROVED, details, ExceptionState.REQUESTED, true,
				ExceptionChanged.Change.APPROVED);
	}

	@Transactional
	public FindingException reject(UUID id, String comment) {
		Actor actor = requireDecider();
		requested(id);
		String text = validComment(comment, true);
		if (!this.repository.reject(id, actor.name(), this.clock.instant(), text)) {
			throw notRequested(id);
		}
		return changed(id, AuditAction.EXCEPTION_REJECTED, Map.of("comment", text), ExceptionState.REQUESTED, false,
				ExceptionChanged.Change.REJECTED);
	}

	@Transactional
	public FindingException revoke(UUID id, String comment) {
		Actor actor = requireDecider();
		FindingException exception = visible(id);
		String text = validComment(comment, true);
		if (exception.state() != ExceptionState.ACTIVE
				|| !this.repository.revoke(id, actor.name(), this.clock.instant(), text)) {
			throw new ExceptionRefusedException(HttpStatus.CONFLICT, "exception.notActive", exception.state().name());
		}
		return changed(id, AuditAction.EXCEPTION_REVOKED, Map.of("comment", text), ExceptionState.ACTIVE, true, null);
	}

	/**
	 * Records a decision and, for a change others are told about, publishes it before the
	 * re-evaluation (whose light change follows it).
	 */
	private FindingException changed(UUID id, AuditAction action, Map<String, ?> details, ExceptionState before,
			boolean reevaluate, ExceptionChanged.Change change) {
		FindingException exception = this.repository.find(id).orElseThrow();
		record(action, exception, details);
		if (change != null) {
			this.events
				.publishEvent(ExceptionChanged.of(exception, change, Actor.require().name(), this.clock.instant()));
		}
		if (reevaluate) {
			this.evaluator.evaluateAndStore(exception.gatewayId(), EvaluationTrigger.EXCEPTION,
					List.of(cause(exception, before, Actor.require().name())));
		}
		return exception;
	}

	/** The exception's change as a cause in the tenant's light history. */
	static Cause cause(FindingException exception, ExceptionState before, String actor) {
		return new Cause(Cause.Kind.EXCEPTION, exception.tenantId(), exception.subject(), exception.id().toString(),
				before.name(), exception.state().name(), actor, "exception");
	}

	private void record(AuditAction action, FindingException exception, Map<String, ?> extra) {
		this.audit.record(action, exception.tenantName(), auditDetails(exception, extra));
	}

	/** What the audit log records of an exception's event. */
	static Map<String, Object> auditDetails(FindingException exception, Map<String, ?> extra) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("exception", exception.id().toString());
		details.put("rule", exception.ruleId());
		if (exception.domain() != null) {
			details.put("domain", exception.domain());
		}
		details.put("state", exception.state().name());
		details.putAll(extra);
		return details;
	}

	private Actor requireDecider() {
		Actor actor = Actor.require();
		if (!mayDecide(actor)) {
			throw new ExceptionRefusedException(HttpStatus.FORBIDDEN, "exception.mayNotDecide");
		}
		return actor;
	}

	private FindingException visible(UUID id) {
		return this.repository.find(id).orElseThrow(() -> ExceptionRefusedException.notFound(id));
	}

	private FindingException requested(UUID id) {
		FindingException exception = visible(id);
		if (exception.state() != ExceptionState.REQUESTED) {
			throw notRequested(id);
		}
		return exception;
	}

	private ExceptionRefusedException notRequested(UUID id) {
		ExceptionState state = this.repository.find(id).map(FindingException::state).orElse(null);
		return new ExceptionRefusedException(HttpStatus.CONFLICT, "exception.notRequested", String.valueOf(state));
	}

	private static String validComment(String comment, boolean required) {
		ExceptionRequestValidator validator = new ExceptionRequestValidator();
		String text = validator.comment(comment, required);
		if (!validator.errors().isEmpty()) {
			throw new InvalidExceptionRequestException(validator.errors());
		}
		return text;
	}

	/**
	 * @param waiting requests waiting for a decision
	 * @param expiring active exceptions expiring within 30 days
	 */
	public record ExceptionCounts(long waiting, long expiring) {
	}

}
