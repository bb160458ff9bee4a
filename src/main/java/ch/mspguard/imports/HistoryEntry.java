package ch.mspguard.imports;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One import as the history keeps it.
 *
 * @param id the entry's id
 * @param importedAt when
 * @param actor who (a user, or {@code system:<task>} for background work)
 * @param gatewayId the gateway, null once it was deleted
 * @param gatewayName the gateway's name
 * @param source the kind of import
 * @param origin where the data came from, may be null
 * @param summary the change summary: counts and the first names
 */
public record HistoryEntry(long id, Instant importedAt, String actor, UUID gatewayId, String gatewayName, String source,
		String origin, Map<String, Object> summary) {

	/** The kind of source without its detail ({@code demo:1-gw.json} is {@code demo}). */
	public String sourceKind() {
		int colon = this.source.indexOf(':');
		return (colon < 0) ? this.source : this.source.substring(0, colon);
	}

	public int count(String key) {
		Object value = this.summary.get(key);
		return (value instanceof Number number) ? number.intValue() : 0;
	}

	@SuppressWarnings("unchecked")
	public List<String> names(String key) {
		Object value = this.summary.get(key);
		return (value instanceof List<?> list) ? (List<String>) list : List.of();
	}

}
