package ch.mspguard.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import ch.mspguard.checklist.LightHistory;
import ch.mspguard.checklist.TenantStatus;

import java.util.List;

import ch.mspguard.checklist.CurrentEvaluations;
import ch.mspguard.checklist.TenantSort;
import ch.mspguard.gateway.DataAges;
import ch.mspguard.gateway.GatewayDirectory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The overview's data, read in one transaction: one role switch, one snapshot.
 */
@Component
class OverviewQuery {

	private final CurrentEvaluations evaluations;

	static final int TREND_DAYS = 90;

	static final int SPARKLINE_DAYS = 30;

	private final GatewayDirectory gateways;

	private final LightHistory history;

	private final Clock clock;

	private final DataAges dataAges;

	OverviewQuery(CurrentEvaluations evaluations, GatewayDirectory gateways, LightHistory history, Clock clock,
			DataAges dataAges) {
		this.evaluations = evaluations;
		this.gateways = gateways;
		this.history = history;
		this.clock = clock;
		this.dataAges = dataAges;
	}

	/**
	 * What the overview shows.
	 *
	 * @param trend tenants per light per day, the last {@link #TREND_DAYS} days
	 * @param sparklines per tenant of the page, its light per day, the last
	 * {@link #SPARKLINE_DAYS} days, drawn
	 */
	record View(CurrentEvaluations.Page page, CurrentEvaluations.Summary summary,
			List<GatewayDirectory.GatewayRef> gateways, List<LightHistory.DayCounts> trend,
			Map<UUID, LightCharts.StepChart> sparklines) {
	}

	@Transactional(readOnly = true)
	View view(OverviewFilter filter) {
		CurrentEvaluations.Page page = this.evaluations.page(filter.tenants(this.dataAges.staleCutoff()),
				TenantSort.valueOf(filter.sort().name()), filter.desc(), filter.offset(), filter.size());
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		Map<UUID, LightCharts.StepChart> sparklines = new HashMap<>();
		this.history
			.sparklines(page.rows().stream().map(TenantStatus::id).toList(), today.minusDays(SPARKLINE_DAYS - 1), today)
			.forEach((id, days) -> sparklines.put(id, LightCharts.steps(days, 2, 12)));
		return new View(page, this.evaluations.summary(), this.gateways.gateways(),
				this.history.trend(today.minusDays(TREND_DAYS - 1), today), sparklines);
	}

}
