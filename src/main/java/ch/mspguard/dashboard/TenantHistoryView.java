package ch.mspguard.dashboard;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import ch.mspguard.checklist.LightHistory;
import ch.mspguard.checklist.RenderedChange;
import ch.mspguard.checklist.RenderedFinding;

/**
 * The history part of the tenant page: since when the light is what it is and why, the
 * light per day as a chart, the recent changes with their causes, and since when each
 * failing finding fails.
 *
 * @param latest the latest change, or null when none is recorded
 * @param latestCauses its causes, rendered
 * @param chart the light per day
 * @param chartDays how many days the chart covers
 * @param changes recent changes, newest first
 * @param failingSince per failing finding (see {@link LightHistory#findingKey})
 */
record TenantHistoryView(LightHistory.Change latest, List<String> latestCauses, LightCharts.StepChart chart,
		int chartDays, List<RenderedChange> changes, Map<String, Instant> failingSince) {

	/** Since when the finding fails, or null when it does not fail. */
	public Instant failingSince(RenderedFinding finding) {
		return this.failingSince.get(LightHistory.findingKey(finding.ruleId(), finding.domain()));
	}

}
