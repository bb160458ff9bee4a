package ch.mspguard.checklist;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long history is kept ({@code hardening.history.*}).
 *
 * @param fullRetention full evaluations and configuration versions are kept this long
 * (the current ones always)
 * @param summaryRetention the light changes with their causes and the daily summaries per
 * tenant are kept this long
 * @param pruneBatch how many evaluations (or rows of the other tables) one pruning
 * transaction removes, so that no transaction holds locks for long
 */
@ConfigurationProperties("hardening.history")
public record HistoryProperties(@DefaultValue("90d") Duration fullRetention,
		@DefaultValue("730d") Duration summaryRetention, @DefaultValue("20") int pruneBatch) {

	public HistoryProperties {
		if (fullRetention.isNegative() || fullRetention.isZero()) {
			throw new IllegalArgumentException("hardening.history.full-retention must be positive");
		}
		if (summaryRetention.compareTo(fullRetention) < 0) {
			throw new IllegalArgumentException(
					"hardening.history.summary-retention must be at least hardening.history.full-retention");
		}
		if (pruneBatch < 1) {
			throw new IllegalArgumentException("hardening.history.prune-batch must be at least 1");
		}
	}

}
