package ch.mspguard.checklist;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import ch.mspguard.tenant.Actor;
import ch.mspguard.tenant.TenantAccess;
import ch.mspguard.tenant.TenantNotFoundException;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A tenant's light history for scripts: its changes in a period with their causes (as
 * data and as text in the reader's language), and since when each failing finding fails.
 * Tenant admins read their own tenant only; the values of the gateway's network lists
 * stay with operators and auditors.
 */
@RestController
class HistoryApiController {

	/** The most changes one answer lists; a longer period is read with {@code since}. */
	static final int MAX_CHANGES = 10_000;

	static final int DEFAULT_DAYS = 90;

	private final EvaluationReader evaluations;

	private final LightHistory history;

	private final CauseTexts causes;

	private final Clock clock;

	HistoryApiController(EvaluationReader evaluations, LightHistory history, CauseTexts causes, Clock clock) {
		this.evaluations = evaluations;
		this.history = history;
		this.causes = causes;
		this.clock = clock;
	}

	/**
	 * The answer.
	 *
	 * @param tenantId the tenant
	 * @param tenant its name
	 * @param light its light now
	 * @param lightSince since when it has that light (null when no change is recorded)
	 * @param from the period's start
	 * @param changes the light changes in the period, newest first
	 * @param failingSince per failing finding ({@code RULE|domain}), since when it fails
	 */
	record HistoryBody(UUID tenantId, String tenant, Light light, Instant lightSince, Instant from,
			List<ChangeBody> changes, Map<String, Instant> failingSince) {
	}

	record ChangeBody(Instant at, Light before, Light after, boolean worsened, List<CauseBody> causes) {
	}

	record CauseBody(Cause.Kind kind, String subject, String field, String before, String after, String actor,
			String via, String text) {
	}

	@GetMapping("/api/tenants/{tenantId}/history")
	HistoryBody history(@PathVariable UUID tenantId, @RequestParam(required = false) String since, Locale locale) {
		TenantAccess.requireVisible(tenantId);
		HistoryPeriod period = HistoryPeriod.since(since, DEFAULT_DAYS, this.clock);
		StoredEvaluation evaluation = this.evaluations.tenant(tenantId)
			.orElseThrow(() -> new TenantNotFoundException(tenantId));
		boolean seesNetworks = Actor.current().map(Actor::seesAllTenants).orElse(false);
		List<ChangeBody> changes = this.history.changes(tenantId, period.from(), period.to(), MAX_CHANGES)
			.stream()
			.map((change) -> new ChangeBody(change.at(), change.before(), change.after(), change.worsened(),
					change.causes().stream().map((cause) -> body(cause, locale, seesNetworks)).toList()))
			.toList();
		Instant lightSince = this.history.latest(tenantId).map(LightHistory.Change::at).orElse(null);
		return new HistoryBody(tenantId, evaluation.tenantName(), evaluation.light(), lightSince, period.from(),
				changes, this.history.failingSince(tenantId));
	}

	private CauseBody body(Cause cause, Locale locale, boolean seesNetworks) {
		Cause shown = this.causes.redact(cause, seesNetworks);
		return new CauseBody(shown.kind(), shown.subject(), shown.field(), shown.before(), shown.after(), shown.actor(),
				shown.via(), this.causes.render(cause, locale, seesNetworks));
	}

}
