package ch.mspguard.imports;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Pending previews in memory, each bound to the operator who made it and gone after
 * {@link #LIFETIME}. A restart forgets them: the operator uploads or pulls again.
 */
@Component
class PreviewStore {

	static final Duration LIFETIME = Duration.ofMinutes(30);

	/** Each preview may hold a large gateway; old ones give way. */
	static final int CAPACITY = 20;

	private final Map<String, ImportPreview> previews = new ConcurrentHashMap<>();

	private final Clock clock;

	PreviewStore() {
		this(Clock.systemUTC());
	}

	PreviewStore(Clock clock) {
		this.clock = clock;
	}

	void put(ImportPreview preview) {
		expire();
		while (this.previews.size() >= CAPACITY) {
			this.previews.values()
				.stream()
				.min(Comparator.comparing(ImportPreview::createdAt))
				.ifPresent((oldest) -> this.previews.remove(oldest.id()));
		}
		this.previews.put(preview.id(), preview);
	}

	/** The preview, if it exists, has not expired and belongs to the owner. */
	Optional<ImportPreview> find(String id, String owner) {
		expire();
		return Optional.ofNullable(this.previews.get(id)).filter((preview) -> preview.owner().equals(owner));
	}

	void remove(String id) {
		this.previews.remove(id);
	}

	private void expire() {
		var limit = this.clock.instant().minus(LIFETIME);
		this.previews.values().removeIf((preview) -> preview.createdAt().isBefore(limit));
	}

}
