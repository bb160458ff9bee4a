package ch.mspguard.scheduling;

import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * One run of a job.
 *
 * @param manual whether an operator started it ("run now": no spread)
 * @param spread how far the job's work per key is spread
 */
public record JobRun(boolean manual, Duration spread) {

	/**
	 * Does the work for each key (a gateway id) at its own offset within the spread, the
	 * same offset every day, so that a hundred gateways are not handled in the same
	 * second. A manual run does them all at once.
	 */
	public void forEachSpread(Collection<UUID> keys, Consumer<UUID> work) {
		long start = System.nanoTime();
		for (UUID key : keys.stream().sorted(Comparator.comparingLong(this::offsetMillis)).toList()) {
			long wait = offsetMillis(key) - (System.nanoTime() - start) / 1_000_000;
			if (wait > 0) {
				try {
					Thread.sleep(wait);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
			}
			work.accept(key);
		}
	}

	/** The key's offset: a hash of it within the spread (zero for manual runs). */
	long offsetMillis(UUID key) {
		long spreadMillis = this.spread.toMillis();
		if (this.manual || spreadMillis <= 0) {
			return 0;
		}
		return Math.floorMod(key.getMostSignificantBits() ^ key.getLeastSignificantBits(), spreadMillis);
	}

}
