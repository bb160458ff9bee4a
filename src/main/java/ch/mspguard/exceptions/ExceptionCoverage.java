package ch.mspguard.exceptions;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import ch.mspguard.audit.AuditAction;
import ch.mspguard.audit.AuditLog;
import ch.mspguard.checklist.Catalogue;
import ch.mspguard.checklist.Cause;
import ch.mspguard.checklist.Coverage;
import ch.mspguard.checklist.CoveredBy;
import ch.mspguard.checklist.Finding;
import ch.mspguard.checklist.FindingCoverage;
import ch.mspguard.checklist.GatewayResult;
import ch.mspguard.checklist.TenantResult;
import ch.mspguard.gateway.WrittenGateway;
import ch.mspguard.tenant.Actor;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps watching: during every evaluation, each active exception of the gateway's tenants
 * is compared with what the rule sees now. If the catalogue version, or the outcome or
 * message of a finding it is bound to changed (or the finding is gone), it turns to needs
 * review and stops covering; past its expiry it lapses. Otherwise it covers exactly the
 * findings it is bound to: a domain added later to a tenant-wide exception is not covered
 * (it was never accepted), and changes elsewhere leave it alone. One query per
 * evaluation.
 */
@Component
class ExceptionCoverage implements FindingCoverage {

	private final ExceptionRepository repository;

	private final AuditLog audit;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	ExceptionCoverage(ExceptionRepository repository, AuditLog audit, Clock clock, ApplicationEventPublisher events) {
		this.repository = repository;
		this.audit = audit;
		this.clock = clock;
		this.events = events;
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public Coverage cover(WrittenGateway gateway, GatewayResult result) {
		List<FindingException> active = this.repository.active(gateway.tenantIds().values());
		if (active.isEmpty()) {
			return Coverage.NONE;
		}
		Map<UUID, String> names = new HashMap<>();
		gateway.tenantIds().forEach((name, id) -> names.put(id, name));
		LocalDate today = LocalDate.now(this.clock);
		Instant now = this.clock.instant();
		Map<String, Map<Finding, CoveredBy>> covered = new HashMap<>();
		// each tenant's findings by rule, made once for all of its exceptions
		Map<String, Map<String, List<Finding>>> byRule = new HashMap<>();
		List<Cause> causes = new ArrayList<>();
		for (FindingException exception : active) {
			TenantResult tenant = result.tenants().get(names.get(exception.tenantId()));
			if (tenant == null) {
				continue;
			}
			if (exception.expiresOn().isBefore(today)) {
				end(exception, ExceptionState.EXPIRED, now, null, AuditAction.EXCEPTION_EXPIRED, causes);
				continue;
			}
			List<Finding> findings = findings(byRule.computeIfAbsent(tenant.tenant(), (name) -> byRule(tenant)),
					exception);
			String change = change(exception, findings);
			if (change != null) {
				end(exception, ExceptionState.NEEDS_REVIEW, now, change, AuditAction.EXCEPTION_NEEDS_REVIEW, causes);
				continue;
			}
			CoveredBy by = new CoveredBy(exception.id(), ExceptionState.ACTIVE.name(), exception.expiresOn(),
					exception.decidedBy(), exception.selfApproved());
			Map<Finding, CoveredBy> ofTenant = covered.computeIfAbsent(tenant.tenant(),
					(name) -> new IdentityHashMap<>());
			for (Finding finding : findings) {
				if (exception.bound().stream().anyMatch((bound) -> sameSubject(bound, finding))) {
					ofTenant.put(finding, by);
				}
			}
		}
		return new Coverage(covered, causes);
	}

	private static Map<String, List<Finding>> byRule(TenantResult tenant) {
		Map<String, List<Finding>> byRule = new HashMap<>();
		for (Finding finding : tenant.findings()) {
			byRule.computeIfAbsent(finding.ruleId(), (rule) -> new ArrayList<>()).add(finding);
		}
		return byRule;
	}

	private static List<Finding> findings(Map<String, List<Finding>> byRule, FindingException exception) {
		return byRule.getOrDefault(exception.ruleId(), List.of())
			.stream()
			.filter((finding) -> exception.domain() == null || exception.domain().equals(finding.domain()))
			.toList();
	}

	/** What changed since the exception was granted, or {@code null} when nothing did. */
	static String change(FindingException exception, List<Finding> findings) {
		if (!Objects.equals(exception.boundCatalogueVersion(), Catalogue.VERSION)) {
			return "catalogue " + exception.boundCatalogueVersion() + " → " + Catalogue.VERSION;
		}
		for (BoundFinding bound : exception.bound()) {
			Finding now = findings.stream().filter((finding) -> sameSubject(bound, finding)).findFirst().orElse(null);
			String subject = (bound.domain() != null) ? bound.domain() + ": " : "";
			if (now == null) {
				return subject + BoundFinding.describe(bound.outcome(), bound.args()) + " → –";
			}
			if (!bound.matches(now)) {
				return subject + BoundFinding.describe(bound.outcome(), bound.args()) + " → "
						+ BoundFinding.describe(now.outcome(), now.verdict().message().args());
			}
		}
		return null;
	}

	private static boolean sameSubject(BoundFinding bound, Finding finding) {
		return Objects.equals(bound.domain(), finding.domain());
	}

	private void end(FindingException exception, ExceptionState state, Instant now, String change, AuditAction action,
			List<Cause> causes) {
		if (!this.repository.end(exception.id(), state, now, change)) {
			return;
		}
		FindingException ended = this.repository.find(exception.id()).orElseThrow();
		this.audit.record(action, ended.tenantName(),
				ExceptionService.auditDetails(ended, (change != null) ? java.util.Map.of("change", change) : Map.of()));
		String actor = Actor.current().map(Actor::name).orElse("system");
		causes.add(ExceptionService.cause(ended, ExceptionState.ACTIVE, actor));
		this.events.publishEvent(ExceptionChanged.of(ended, (state == ExceptionState.EXPIRED)
				? ExceptionChanged.Change.LAPSED : ExceptionChanged.Change.NEEDS_REVIEW, actor, now));
	}

}
