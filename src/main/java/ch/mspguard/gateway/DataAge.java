package ch.mspguard.gateway;

import java.time.Instant;

/**
 * How old a gateway's data is: when its source last confirmed it, and whether that is
 * longer ago than the configured age. A stale light keeps its colour; it only carries a
 * marker.
 *
 * @param confirmedAt when an import, upload or pull last confirmed the data, or null if
 * none ever did
 * @param confirmedBy the kind of import that did (e.g. {@code api},
 * {@code seppmail-schedule}), or null
 * @param stale whether the data counts as stale now
 * @param staleSince since when it is stale (confirmation plus the configured age), or
 * null when it is not stale or was never confirmed
 */
public record DataAge(Instant confirmedAt, String confirmedBy, boolean stale, Instant staleSince) {

	/** The message key of the kind of import that confirmed the data, or null. */
	public String sourceKey() {
		return (this.confirmedBy != null) ? "imports.source." + this.confirmedBy : null;
	}

}
