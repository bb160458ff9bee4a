package ch.mspguard.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import ch.mspguard.checklist.CauseTexts;
import ch.mspguard.checklist.LightHistory;
import ch.mspguard.tenant.Actor;

import org.springframework.stereotype.Component;

/** Builds the tenant page's history part from the checklist's light history. */
@Component
class TenantHistoryViews {

	static final int CHART_DAYS = 90;

	static final int CHANGES_SHOWN = 50;

	private final LightHistory history;

	private final CauseTexts causes;

	private final Clock clock;

	TenantHistoryViews(LightHistory history, CauseTexts causes, Clock clock) {
		this.history = history;
		this.causes = causes;
		this.clock = clock;
	}

	/** The caller has checked that the reader may see the tenant. */
	TenantHistoryView of(UUID tenantId, Locale locale) {
		boolean seesNetworks = Actor.current().map(Actor::seesAllTenants).orElse(false);
		Instant now = this.clock.instant();
		LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
		List<LightHistory.Change> changes = this.history.changes(tenantId, now.minus(Duration.ofDays(CHART_DAYS)),
				now.plusSeconds(1), CHANGES_SHOWN);
		LightHistory.Change latest = changes.isEmpty() ? this.history.latest(tenantId).orElse(null) : changes.get(0);
		return new TenantHistoryView(latest,
				(latest != null) ? this.causes.explain(latest, locale, seesNetworks) : List.of(),
				LightCharts.steps(this.history.days(tenantId, today.minusDays(CHART_DAYS - 1), today), 6, 48),
				CHART_DAYS, this.causes.renderChanges(changes, locale, seesNetworks),
				this.history.failingSince(tenantId));
	}

}
